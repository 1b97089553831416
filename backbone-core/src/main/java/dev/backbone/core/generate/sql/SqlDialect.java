package dev.backbone.core.generate.sql;

import dev.backbone.core.naming.SqlNames;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.DbType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Everything that differs between the SQL dialects, in one table: column types, identifier
 * quoting, string literals, autoincrement, enums, comments, defaults. The renderer and the
 * templates ask the dialect; nothing else branches on the database type. The choices follow
 * what SQLAlchemy 2.0 emits for the same model, so that {@code schema.sql} and
 * {@code Base.metadata.create_all} build the same database (see TARGETS.md).
 */
public enum SqlDialect {
    POSTGRESQL(DbType.POSTGRESQL, '"', '"', types("JSON", "UUID", "BYTEA", "TEXT", "BOOLEAN", "TIMESTAMP WITH TIME ZONE"),
            Autoincrement.SERIAL, EnumStyle.NAMED_TYPE, CommentStyle.COMMENT_ON, true, "now()", "true", "false",
            SqlLiterals.Style.POSTGRESQL, false, false),
    MYSQL(DbType.MYSQL, '`', '`', types("JSON", "CHAR(32)", "BLOB", "TEXT", "BOOL", "DATETIME"),
            Autoincrement.AUTO_INCREMENT, EnumStyle.INLINE, CommentStyle.INLINE, true, "CURRENT_TIMESTAMP", "true",
            "false", SqlLiterals.Style.MYSQL, true, true),
    SQLITE(DbType.SQLITE, '"', '"', types("JSON", "CHAR(32)", "BLOB", "TEXT", "BOOLEAN", "DATETIME"),
            Autoincrement.ROWID, EnumStyle.VARCHAR, CommentStyle.SQL_COMMENT, false, "CURRENT_TIMESTAMP", "1", "0",
            SqlLiterals.Style.STANDARD, false, false),
    MSSQL(DbType.MSSQL, '[', ']', types("NVARCHAR(max)", "UNIQUEIDENTIFIER", "VARBINARY(max)", "VARCHAR(max)", "BIT",
            "DATETIMEOFFSET"),
            Autoincrement.IDENTITY, EnumStyle.VARCHAR, CommentStyle.SQL_COMMENT, true, "CURRENT_TIMESTAMP", "1", "0",
            SqlLiterals.Style.MSSQL, false, false);

    /** How an autoincrementing integer primary key is spelled. */
    public enum Autoincrement {
        /** PostgreSQL: the type becomes SERIAL / BIGSERIAL (what create_all emits). */
        SERIAL,
        /** MySQL: {@code AUTO_INCREMENT} after the column. */
        AUTO_INCREMENT,
        /** SQLite: an {@code INTEGER} primary key is the rowid (no AUTOINCREMENT keyword, as SQLAlchemy). */
        ROWID,
        /** SQL Server: {@code IDENTITY(1,1)} after the type. */
        IDENTITY
    }

    /** How an Enum column is stored. */
    public enum EnumStyle {
        /** A named type created before the tables ({@code CREATE TYPE ... AS ENUM}). */
        NAMED_TYPE,
        /** An inline {@code ENUM('a', 'b')} column type. */
        INLINE,
        /** {@code VARCHAR(<longest label>)}, SQLAlchemy's non-native enum (no CHECK constraint). */
        VARCHAR
    }

    /** Where table and column descriptions go. */
    public enum CommentStyle {
        /** {@code COMMENT ON TABLE/COLUMN ... IS '...'} statements after the table. */
        COMMENT_ON,
        /** {@code COMMENT '...'} on the column, {@code COMMENT='...'} on the table. */
        INLINE,
        /** Only {@code --} comments in the script: the database keeps no description. */
        SQL_COMMENT
    }

    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final DbType dbType;
    private final char quoteOpen;
    private final char quoteClose;
    private final Map<ColumnType, String> types;
    private final Autoincrement autoincrement;
    private final EnumStyle enumStyle;
    private final CommentStyle commentStyle;
    private final boolean alterAddConstraint;
    private final String now;
    private final String trueLiteral;
    private final String falseLiteral;
    private final SqlLiterals.Style stringStyle;
    private final boolean parenthesizedLobDefaults;
    private final boolean zonelessTemporalDefaults;
    private volatile Set<String> reserved;

    SqlDialect(DbType dbType, char quoteOpen, char quoteClose, Map<ColumnType, String> types, Autoincrement autoincrement,
            EnumStyle enumStyle, CommentStyle commentStyle, boolean alterAddConstraint, String now, String trueLiteral,
            String falseLiteral, SqlLiterals.Style stringStyle, boolean parenthesizedLobDefaults, boolean zonelessTemporalDefaults) {
        this.dbType = dbType;
        this.quoteOpen = quoteOpen;
        this.quoteClose = quoteClose;
        this.types = types;
        this.autoincrement = autoincrement;
        this.enumStyle = enumStyle;
        this.commentStyle = commentStyle;
        this.alterAddConstraint = alterAddConstraint;
        this.now = now;
        this.trueLiteral = trueLiteral;
        this.falseLiteral = falseLiteral;
        this.stringStyle = stringStyle;
        this.parenthesizedLobDefaults = parenthesizedLobDefaults;
        this.zonelessTemporalDefaults = zonelessTemporalDefaults;
    }

    /** The type table: the dialect-specific spellings, the rest is common to all four. */
    private static Map<ColumnType, String> types(String json, String uuid, String binary, String text, String bool,
            String timestamp) {
        Map<ColumnType, String> m = new EnumMap<>(ColumnType.class);
        m.put(ColumnType.INTEGER, "INTEGER");
        m.put(ColumnType.BIG_INTEGER, "BIGINT");
        m.put(ColumnType.STRING, "VARCHAR");
        m.put(ColumnType.TEXT, text);
        m.put(ColumnType.BOOLEAN, bool);
        m.put(ColumnType.DATETIME, timestamp);
        m.put(ColumnType.DATE, "DATE");
        m.put(ColumnType.TIME, "TIME");
        m.put(ColumnType.NUMERIC, "NUMERIC");
        m.put(ColumnType.FLOAT, "FLOAT");
        m.put(ColumnType.JSON, json);
        m.put(ColumnType.UUID, uuid);
        m.put(ColumnType.LARGE_BINARY, binary);
        return Map.copyOf(m);
    }

    public static SqlDialect of(DbType dbType) {
        return Arrays.stream(values()).filter(d -> d.dbType == dbType).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no SQL dialect for " + dbType));
    }

    public DbType dbType() {
        return dbType;
    }

    public String wire() {
        return dbType.wire();
    }

    public Autoincrement autoincrement() {
        return autoincrement;
    }

    public EnumStyle enumStyle() {
        return enumStyle;
    }

    public CommentStyle commentStyle() {
        return commentStyle;
    }

    /** Whether enum types are created before the tables (PostgreSQL). For templates. */
    public boolean isNamedEnums() {
        return enumStyle == EnumStyle.NAMED_TYPE;
    }

    /** Whether descriptions become {@code COMMENT ON} statements. For templates. */
    public boolean isCommentOn() {
        return commentStyle == CommentStyle.COMMENT_ON;
    }

    /** Whether descriptions are inline {@code COMMENT} clauses. For templates. */
    public boolean isInlineComments() {
        return commentStyle == CommentStyle.INLINE;
    }

    /** Whether descriptions only become {@code --} comments. For templates. */
    public boolean isSqlComments() {
        return commentStyle == CommentStyle.SQL_COMMENT;
    }

    /**
     * Whether a constraint can be added after the tables exist. SQLite cannot; there a deferred
     * foreign key is declared inline, which SQLite allows because it checks foreign keys lazily.
     */
    public boolean isAlterAddConstraint() {
        return alterAddConstraint;
    }

    /** The dialect's reserved words, plus the project-wide list of {@link SqlNames}. */
    public Set<String> reservedWords() {
        Set<String> r = reserved;
        if (r == null) {
            r = loadReserved();
            reserved = r;
        }
        return r;
    }

    private Set<String> loadReserved() {
        String file = "reserved-" + wire() + ".txt";
        try (InputStream in = SqlDialect.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            Set<String> words = new HashSet<>(SqlNames.RESERVED);
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.startsWith("#"))
                    .flatMap(l -> Arrays.stream(l.trim().split("\\s+")))
                    .filter(w -> !w.isEmpty())
                    .forEach(words::add);
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An identifier as it must appear in DDL: quoted when it is a reserved word (of this
     * dialect or {@link SqlNames}) or not a plain lower-case identifier, bare otherwise.
     */
    public String identifier(String name) {
        if (PLAIN_IDENTIFIER.matcher(name).matches() && !reservedWords().contains(name.toLowerCase(Locale.ROOT))) {
            return name;
        }
        String close = String.valueOf(quoteClose);
        return quoteOpen + name.replace(close, close + close) + quoteClose;
    }

    /** A string literal that reads back exactly as {@code text}: no input can end it early ({@link SqlLiterals}). */
    public String stringLiteral(String text) {
        return SqlLiterals.literal(stringStyle, text);
    }

    /** A text value where an expression may stand (a DEFAULT): no raw line break inside a literal. */
    String textExpression(String text) {
        return SqlLiterals.expression(stringStyle, text);
    }

    /** Text for a {@code --} comment, on one line, still visible. */
    public static String commentText(String text) {
        return SqlLiterals.commentText(text);
    }

    /** The column's type, including this dialect's autoincrement spelling where it is part of the type. */
    public String columnType(PlannedColumn c) {
        if (c.autoincrement() && c.type().isInteger()) {
            switch (autoincrement) {
                case SERIAL -> {
                    return c.type() == ColumnType.BIG_INTEGER ? "BIGSERIAL" : "SERIAL";
                }
                case ROWID -> {
                    return "INTEGER";
                }
                case IDENTITY -> {
                    return types.get(c.type()) + " IDENTITY(1,1)";
                }
                case AUTO_INCREMENT -> {
                    // the clause follows NOT NULL: see columnSuffix
                }
            }
        }
        return baseType(c);
    }

    /** The type without autoincrement: also the type of a key that references this column. */
    public String baseType(PlannedColumn c) {
        ColumnType t = c.type();
        if (t == ColumnType.ENUM) {
            return enumType(c.enumType());
        }
        String base = types.get(t);
        if (base == null) {
            throw new IllegalStateException("column " + c.name() + " has no storage type: " + t);
        }
        if (t == ColumnType.STRING) {
            return base + "(" + (c.length() == null ? PlannedColumn.DEFAULT_STRING_LENGTH : c.length()) + ")";
        }
        if (t == ColumnType.NUMERIC && c.precision() != null) {
            return base + "(" + c.precision() + (c.scale() == null ? "" : ", " + c.scale()) + ")";
        }
        return base;
    }

    private String enumType(PlannedColumn.EnumType e) {
        return switch (enumStyle) {
            case NAMED_TYPE -> identifier(e.dbName());
            case INLINE -> "ENUM(" + e.values().stream().map(this::stringLiteral).collect(Collectors.joining(", ")) + ")";
            case VARCHAR -> "VARCHAR(" + e.values().stream().mapToInt(v -> v.codePointCount(0, v.length())).max().orElse(1) + ")";
        };
    }

    /** What follows NOT NULL on the column line (MySQL's AUTO_INCREMENT), or null. */
    public String columnSuffix(PlannedColumn c) {
        return c.autoincrement() && c.type().isInteger() && autoincrement == Autoincrement.AUTO_INCREMENT
                ? "AUTO_INCREMENT" : null;
    }

    /** The expression after {@code DEFAULT}, or null when the column has no default ({@link SqlDefaults}). */
    public String defaultExpression(PlannedColumn c) {
        return SqlDefaults.expression(this, c);
    }

    String nowExpression() {
        return now;
    }

    String booleanLiteral(boolean value) {
        return value ? trueLiteral : falseLiteral;
    }

    /** Whether UUIDs are a native type (else SQLAlchemy's CHAR(32) of hex digits). */
    boolean nativeUuid() {
        return !"CHAR(32)".equals(types.get(ColumnType.UUID));
    }

    /** Whether TEXT/JSON/BLOB defaults must be parenthesized expressions (MySQL 8). */
    boolean parenthesizedLobDefaults() {
        return parenthesizedLobDefaults;
    }

    /**
     * Whether date-time and time defaults must not carry an offset (MySQL: DATETIME and TIME have
     * no zone and MariaDB refuses a literal with one).
     */
    boolean zonelessTemporalDefaults() {
        return zonelessTemporalDefaults;
    }
}
