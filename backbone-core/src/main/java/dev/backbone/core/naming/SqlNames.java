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

    /** Primary key constraint: {@code pk_<table>}. */
    public static String primaryKey(String table) {
        return "pk_" + table;
    }

    /** Foreign key constraint: {@code fk_<table>_<column>_<referred table>}. */
    public static String foreignKey(String table, String column, String referredTable) {
        return "fk_" + table + "_" + column + "_" + referredTable;
    }

    /** Unique constraint: {@code uq_<table>_<column>}. */
    public static String unique(String table, String column) {
        return "uq_" + table + "_" + column;
    }

    /** Index: {@code ix_<table>_<column>}. */
    public static String index(String table, String column) {
        return "ix_" + table + "_" + column;
    }

    /** Enum database type (PostgreSQL {@code CREATE TYPE}): {@code <table>_<column>}. */
    public static String enumType(String table, String column) {
        return table + "_" + column;
    }
}
