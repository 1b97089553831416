package dev.backbone.core.generate.sqlalchemy;

import dev.backbone.core.generate.sql.SqlDialect;
import dev.backbone.core.plan.DefaultValue;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.DbType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The one table from schema types to SQLAlchemy: the column type ({@code sa.String(50)}), the
 * Python type of its {@code Mapped[...]}, and how a default is written ({@code server_default}).
 * SQLAlchemy's generic types already render each database's spelling (TARGETS.md), so the
 * dialect only matters for a UUID default, which non-native UUID columns store as 32 hex digits,
 * and for a MySQL TEXT/JSON default, which must be an expression there.
 */
public final class SqlAlchemyTypes {

    private SqlAlchemyTypes() {}

    /** The column type expression; an Enum refers to its Python class. */
    public static PyExpr sqlType(PlannedColumn c) {
        return switch (c.type()) {
            case INTEGER, FOREIGN_KEY -> PyExpr.atom("sa.Integer()");
            case BIG_INTEGER -> PyExpr.atom("sa.BigInteger()");
            case STRING -> PyExpr.atom("sa.String(" + (c.length() == null ? PlannedColumn.DEFAULT_STRING_LENGTH : c.length()) + ")");
            case TEXT -> PyExpr.atom("sa.Text()");
            case BOOLEAN -> PyExpr.atom("sa.Boolean()");
            case DATETIME -> PyExpr.atom("sa.DateTime(timezone=True)");
            case DATE -> PyExpr.atom("sa.Date()");
            case TIME -> PyExpr.atom("sa.Time()");
            case NUMERIC -> PyExpr.atom(numeric(c));
            case FLOAT -> PyExpr.atom("sa.Float()");
            case JSON -> PyExpr.atom("sa.JSON()");
            case UUID -> PyExpr.atom("sa.Uuid()");
            case LARGE_BINARY -> PyExpr.atom("sa.LargeBinary()");
            case ENUM -> enumType(c);
        };
    }

    private static String numeric(PlannedColumn c) {
        if (c.precision() == null) {
            return "sa.Numeric()";
        }
        return "sa.Numeric(" + c.precision() + (c.scale() == null ? "" : ", " + c.scale()) + ")";
    }

    /**
     * {@code sa.Enum(PostStatus, name="posts_status", values_callable=enum_values)}: the database
     * labels are the members' values (the schema's {@code values}), not their names.
     */
    private static PyExpr enumType(PlannedColumn c) {
        PlannedColumn.EnumType e = c.enumType();
        return PyExpr.call("sa.Enum", PyExpr.atom(e.className()), PyExpr.kw("name", PyExpr.str(e.dbName())),
                PyExpr.kw("values_callable", PyExpr.atom("enum_values")));
    }

    /** The Python type inside {@code Mapped[...]}, without Optional; records the import it needs. */
    static String pythonType(PlannedColumn c, ImportsCollector imports) {
        return switch (c.type()) {
            case INTEGER, BIG_INTEGER, FOREIGN_KEY -> "int";
            case STRING, TEXT -> "str";
            case BOOLEAN -> "bool";
            case DATETIME -> stdlib(imports, "datetime", "datetime.datetime");
            case DATE -> stdlib(imports, "datetime", "datetime.date");
            case TIME -> stdlib(imports, "datetime", "datetime.time");
            case NUMERIC -> stdlib(imports, "decimal", "decimal.Decimal");
            case FLOAT -> "float";
            case JSON -> {
                imports.typing("Any");
                yield "Any";
            }
            case UUID -> stdlib(imports, "uuid", "uuid.UUID");
            case LARGE_BINARY -> "bytes";
            case ENUM -> c.enumType().className();
        };
    }

    private static String stdlib(ImportsCollector imports, String module, String type) {
        imports.module(module);
        return type;
    }

    /**
     * The {@code server_default=} value, or null: a database default, rendered by SQLAlchemy
     * for each dialect exactly as {@code schema.sql} writes it (strings as escaped literals,
     * numbers verbatim, booleans as {@code sa.true()}/{@code sa.false()}, now as {@code sa.func.now()}).
     */
    public static PyExpr serverDefault(PlannedColumn c, DbType db) {
        DefaultValue d = c.defaultValue();
        if (d == null) {
            return null;
        }
        boolean lob = c.type() == ColumnType.TEXT || c.type() == ColumnType.JSON;
        if (db == DbType.MYSQL && lob && d.kind() != DefaultValue.Kind.NOW) {
            // MySQL 8 takes a default on TEXT/JSON only as an expression: the literal of schema.sql, verbatim
            return PyExpr.call("sa.literal_column", PyExpr.str(SqlDialect.MYSQL.defaultExpression(c)));
        }
        return switch (d.kind()) {
            case NOW -> PyExpr.atom("sa.func.now()");
            case BOOLEAN -> PyExpr.atom(Boolean.TRUE.equals(d.value()) ? "sa.true()" : "sa.false()");
            case NUMBER -> PyExpr.call("sa.text", PyExpr.str(number(d.value())));
            case UUID -> PyExpr.str(uuidText(String.valueOf(d.value()), db));
            case STRING, ENUM, DATE, TIME, DATETIME, JSON -> PyExpr.str(databaseText(String.valueOf(d.value())));
        };
    }

    private static String number(Object value) {
        BigDecimal n = value instanceof BigDecimal b ? b : new BigDecimal(String.valueOf(value));
        return n.toPlainString();
    }

    /** Non-native UUID columns (CHAR(32): MySQL, SQLite) hold 32 hex digits, as SQLAlchemy's Uuid writes them. */
    static String uuidText(String uuid, DbType db) {
        boolean nativeUuid = db == DbType.POSTGRESQL || db == DbType.MSSQL;
        return nativeUuid ? uuid : uuid.replace("-", "").toLowerCase(Locale.ROOT);
    }

    /**
     * Text stored by the database: NUL, which none of them keeps in text, becomes U+FFFD (as in
     * schema.sql), and so does a lone surrogate, which no database encoding can hold.
     */
    public static String databaseText(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> b.appendCodePoint(cp == 0 || Character.getType(cp) == Character.SURROGATE ? 0xFFFD : cp));
        return b.toString();
    }

    /** Whether SQLAlchemy's {@code autoincrement="auto"} already makes this key autoincrement. */
    public static boolean autoIncrementsByDefault(PlannedColumn c, List<PlannedColumn> primaryKey) {
        return c.primaryKey() && primaryKey.size() == 1 && c.type().isInteger() && !c.isForeignKey()
                && c.defaultValue() == null;
    }
}
