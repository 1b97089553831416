package dev.backbone.core.plan;

/**
 * A column default, already checked against the column's type.
 *
 * @param kind what kind of literal it is, which decides how each target spells it
 * @param value the literal: a String for STRING, ENUM, DATE, TIME, DATETIME, UUID and JSON (its
 *     JSON text); a {@link java.math.BigDecimal} for NUMBER; a Boolean for BOOLEAN
 */
public record DefaultValue(Kind kind, Object value) {

    /** Literal kinds. {@code NOW} is the database's current timestamp (the mixins' timestamps). */
    public enum Kind {
        STRING,
        NUMBER,
        BOOLEAN,
        ENUM,
        DATE,
        TIME,
        DATETIME,
        UUID,
        JSON,
        NOW
    }

    public static final DefaultValue NOW = new DefaultValue(Kind.NOW, null);
    public static final DefaultValue FALSE = new DefaultValue(Kind.BOOLEAN, Boolean.FALSE);
}
