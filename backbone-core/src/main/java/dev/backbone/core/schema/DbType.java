package dev.backbone.core.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The SQL dialect a document targets; chooses the types and DDL of every target. */
public enum DbType {
    POSTGRESQL("postgresql"),
    MYSQL("mysql"),
    SQLITE("sqlite"),
    MSSQL("mssql");

    private final String wire;

    DbType(String wire) {
        this.wire = wire;
    }

    /** The spelling used in documents, on the CLI and in the API. */
    public String wire() {
        return wire;
    }

    public static Optional<DbType> fromWire(String s) {
        return Arrays.stream(values()).filter(d -> d.wire.equals(s)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(DbType::wire).toList());
    }

    @Override
    public String toString() {
        return wire.toLowerCase(Locale.ROOT);
    }
}
