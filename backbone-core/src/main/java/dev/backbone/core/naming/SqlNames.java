package dev.backbone.core.naming;

import java.util.Locale;
import java.util.Set;

/**
 * SQL naming: reserved words (names that must be quoted in DDL) and constraint names. The
 * constraint names follow the naming convention the generated {@code Base} declares, so that the
 * DDL and {@code create_all} produce the same names (Alembic relies on them).
 */
public final class SqlNames {

    private SqlNames() {}

    /** Words reserved in at least one supported dialect that a user plausibly picks as a name. */
    public static final Set<String> RESERVED = Set.of(
            "all", "alter", "and", "any", "as", "asc", "between", "by", "case", "check", "column", "constraint",
            "create", "cross", "current_date", "current_time", "current_timestamp", "current_user", "database",
            "default", "delete", "desc", "distinct", "drop", "else", "end", "except", "exists", "false", "fetch",
            "for", "foreign", "from", "full", "grant", "group", "having", "in", "index", "inner", "insert",
            "intersect", "into", "is", "join", "key", "left", "like", "limit", "natural", "not", "null", "offset",
            "on", "or", "order", "outer", "primary", "references", "right", "rows", "select", "session_user",
            "set", "some", "table", "then", "to", "top", "true", "union", "unique", "update", "user", "using",
            "values", "when", "where", "with", "window", "read", "range", "rank", "schema", "option", "plan");

    public static boolean isReserved(String name) {
        return name != null && RESERVED.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The longest identifier every supported database accepts (PostgreSQL's limit). */
    public static final int MAX_IDENTIFIER = 63;

    /** Primary key constraint: {@code pk_<table>}. */
    public static String primaryKey(String table) {
        return fit("pk_" + table);
    }

    /** Foreign key constraint: {@code fk_<table>_<column>_<referred table>}. */
    public static String foreignKey(String table, String column, String referredTable) {
        return fit("fk_" + table + "_" + column + "_" + referredTable);
    }

    /** Unique constraint: {@code uq_<table>_<column>}. */
    public static String unique(String table, String column) {
        return fit("uq_" + table + "_" + column);
    }

    /** Index: {@code ix_<table>_<column>}. */
    public static String index(String table, String column) {
        return fit("ix_" + table + "_" + column);
    }

    /** Enum database type (PostgreSQL {@code CREATE TYPE}): {@code <table>_<column>}. */
    public static String enumType(String table, String column) {
        return fit(table + "_" + column);
    }

    /**
     * A name cut to {@link #MAX_IDENTIFIER} characters the way SQLAlchemy cuts the names of its
     * naming convention on PostgreSQL: the first 55 characters, {@code _}, and the last four hex
     * digits of the MD5 of the whole name. Every target uses the result, so a long name is the
     * same in {@code schema.sql} and in {@code create_all}; the models pass it explicitly.
     */
    public static String fit(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_IDENTIFIER) {
            return name;
        }
        String md5;
        try {
            byte[] d = java.security.MessageDigest.getInstance("MD5").digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md5 = java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return name.substring(0, name.offsetByCodePoints(0, MAX_IDENTIFIER - 8)) + "_" + md5.substring(md5.length() - 4);
    }
}
