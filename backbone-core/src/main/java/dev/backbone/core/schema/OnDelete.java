package dev.backbone.core.schema;

import java.util.Arrays;
import java.util.Optional;

/** Referential action of a foreign key; {@link #NO_ACTION} is the default. */
public enum OnDelete {
    CASCADE("CASCADE"),
    RESTRICT("RESTRICT"),
    SET_NULL("SET NULL"),
    SET_DEFAULT("SET DEFAULT"),
    NO_ACTION("NO ACTION");

    /** A lookup, not a scan: the reader resolves one per column of every table. */
    private static final java.util.Map<String, OnDelete> BY_WIRE = java.util.Map.copyOf(
            Arrays.stream(values()).collect(java.util.stream.Collectors.toMap(v -> v.sql, v -> v)));

    private final String sql;

    OnDelete(String sql) {
        this.sql = sql;
    }

    /** The spelling in documents, which is also the SQL keyword. */
    public String sql() {
        return sql;
    }

    public static Optional<OnDelete> fromWire(String s) {
        return s == null ? Optional.empty() : Optional.ofNullable(BY_WIRE.get(s));
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(OnDelete::sql).toList());
    }
}
