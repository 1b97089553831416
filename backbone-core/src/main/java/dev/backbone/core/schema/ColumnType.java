package dev.backbone.core.schema;

import java.util.Arrays;
import java.util.Optional;

/** Column types of the schema format; the last four are BackBone's additions ("beyond"). */
public enum ColumnType {
    INTEGER("Integer"),
    STRING("String"),
    TEXT("Text"),
    BOOLEAN("Boolean"),
    DATETIME("DateTime"),
    DATE("Date"),
    TIME("Time"),
    NUMERIC("Numeric"),
    FLOAT("Float"),
    ENUM("Enum"),
    FOREIGN_KEY("ForeignKey"),
    BIG_INTEGER("BigInteger"),
    JSON("JSON"),
    UUID("UUID"),
    LARGE_BINARY("LargeBinary");

    /** A lookup, not a scan: the reader resolves one per column of every table. */
    private static final java.util.Map<String, ColumnType> BY_WIRE = java.util.Map.copyOf(
            Arrays.stream(values()).collect(java.util.stream.Collectors.toMap(v -> v.wire, v -> v)));

    private final String wire;

    ColumnType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ColumnType> fromWire(String s) {
        return s == null ? Optional.empty() : Optional.ofNullable(BY_WIRE.get(s));
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(ColumnType::wire).toList());
    }

    /** Integer-like types: the ones {@code autoincrement} applies to. */
    public boolean isInteger() {
        return this == INTEGER || this == BIG_INTEGER;
    }
}
