package dev.backbone.core.validate.rules;

import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.DbType;

/**
 * Which column types a database can put in a key or an index. JSON has no equality in
 * PostgreSQL and is a large object elsewhere; MySQL and SQL Server cannot index TEXT and BLOB
 * columns without a prefix length, which the format has no way to give. One table so the
 * key-type rule and the ForeignKey rule agree.
 */
final class KeyTypes {

    private KeyTypes() {}

    /** Whether a column of {@code type} can be a primary key, unique, indexed or referenced on {@code db}. */
    static boolean keyable(ColumnType type, DbType db) {
        if (type == null) {
            return true;
        }
        return switch (type) {
            case JSON -> db == DbType.SQLITE;
            case TEXT, LARGE_BINARY -> db != DbType.MYSQL && db != DbType.MSSQL;
            default -> true;
        };
    }

    /** Why {@code type} cannot be a key on {@code db}, for messages (the caller says what to do). */
    static String why(ColumnType type, DbType db) {
        if (type == ColumnType.JSON) {
            return "JSON values have no equality or ordering on " + (db == null ? "most databases" : db.wire());
        }
        return db.wire() + " cannot index " + type.wire() + " columns without a prefix length";
    }
}
