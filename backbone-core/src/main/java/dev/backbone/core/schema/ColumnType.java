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

    private final String wire;

    ColumnType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ColumnType> fromWire(String s) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(s)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(ColumnType::wire).toList());
    }

    /** Integer-like types: the ones {@code autoincrement} applies to. */
    public boolean isInteger() {
        return this == INTEGER || this == BIG_INTEGER;
    }
}
