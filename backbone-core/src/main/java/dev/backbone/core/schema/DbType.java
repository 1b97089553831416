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

    /** A lookup, not a scan: the reader resolves one per column of every table. */
    private static final java.util.Map<String, DbType> BY_WIRE = java.util.Map.copyOf(
            Arrays.stream(values()).collect(java.util.stream.Collectors.toMap(v -> v.wire, v -> v)));

    private final String wire;

    DbType(String wire) {
        this.wire = wire;
    }

    /** The spelling used in documents, on the CLI and in the API. */
    public String wire() {
        return wire;
    }

    public static Optional<DbType> fromWire(String s) {
        return s == null ? Optional.empty() : Optional.ofNullable(BY_WIRE.get(s));
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(DbType::wire).toList());
    }

    @Override
    public String toString() {
        return wire.toLowerCase(Locale.ROOT);
    }
}
