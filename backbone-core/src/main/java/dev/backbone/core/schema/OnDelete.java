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

    private final String sql;

    OnDelete(String sql) {
        this.sql = sql;
    }

    /** The spelling in documents, which is also the SQL keyword. */
    public String sql() {
        return sql;
    }

    public static Optional<OnDelete> fromWire(String s) {
        return Arrays.stream(values()).filter(o -> o.sql.equals(s)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(OnDelete::sql).toList());
    }
}
