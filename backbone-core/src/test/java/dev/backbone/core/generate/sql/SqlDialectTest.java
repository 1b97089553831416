package dev.backbone.core.generate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.plan.DefaultValue;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.schema.ColumnType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlDialectTest {

    private static PlannedColumn column(ColumnType type) {
        return PlannedColumn.builder("c", type).length(type == ColumnType.STRING ? 40 : null)
                .precision(type == ColumnType.NUMERIC ? 10 : null).scale(type == ColumnType.NUMERIC ? 2 : null)
                .enumType(type == ColumnType.ENUM ? new PlannedColumn.EnumType("TStatus", "t_status",
                        List.of("draft", "published"), List.of("DRAFT", "PUBLISHED")) : null)
                .build();
    }

    private static PlannedColumn autoKey(ColumnType type) {
        return PlannedColumn.builder("id", type).primaryKey(true).autoincrement(true).nullable(false).build();
    }

    /** The type table of TARGETS.md, row by row: type, postgresql, mysql, sqlite, mssql. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            INTEGER      | INTEGER                  | INTEGER                     | INTEGER        | INTEGER
            BIG_INTEGER  | BIGINT                   | BIGINT                      | BIGINT         | BIGINT
            STRING       | VARCHAR(40)              | VARCHAR(40)                 | VARCHAR(40)    | VARCHAR(40)
            TEXT         | TEXT                     | TEXT                        | TEXT           | VARCHAR(max)
            BOOLEAN      | BOOLEAN                  | BOOL                        | BOOLEAN        | BIT
            DATETIME     | TIMESTAMP WITH TIME ZONE | DATETIME                    | DATETIME       | DATETIMEOFFSET
            DATE         | DATE                     | DATE                        | DATE           | DATE
            TIME         | TIME                     | TIME                        | TIME           | TIME
            NUMERIC      | NUMERIC(10, 2)           | NUMERIC(10, 2)              | NUMERIC(10, 2) | NUMERIC(10, 2)
            FLOAT        | FLOAT                    | FLOAT                       | FLOAT          | FLOAT
            JSON         | JSON                     | JSON                        | JSON           | NVARCHAR(max)
            UUID         | UUID                     | CHAR(32)                    | CHAR(32)       | UNIQUEIDENTIFIER
            LARGE_BINARY | BYTEA                    | BLOB                        | BLOB           | VARBINARY(max)
            ENUM         | t_status                 | ENUM('draft', 'published')  | VARCHAR(9)     | VARCHAR(9)
            """)
    void typeTable(ColumnType type, String pg, String mysql, String sqlite, String mssql) {
        PlannedColumn c = column(type);
        assertThat(List.of(SqlDialect.POSTGRESQL.columnType(c), SqlDialect.MYSQL.columnType(c), SqlDialect.SQLITE.columnType(c),
                SqlDialect.MSSQL.columnType(c))).containsExactly(pg, mysql, sqlite, mssql);
    }

    @Test
    void autoincrementPerDialect() {
        assertThat(SqlDialect.POSTGRESQL.columnType(autoKey(ColumnType.INTEGER))).isEqualTo("SERIAL");
        assertThat(SqlDialect.POSTGRESQL.columnType(autoKey(ColumnType.BIG_INTEGER))).isEqualTo("BIGSERIAL");
        assertThat(SqlDialect.MYSQL.columnType(autoKey(ColumnType.INTEGER))).isEqualTo("INTEGER");
        assertThat(SqlDialect.MYSQL.columnSuffix(autoKey(ColumnType.INTEGER))).isEqualTo("AUTO_INCREMENT");
        assertThat(SqlDialect.SQLITE.columnType(autoKey(ColumnType.BIG_INTEGER))).isEqualTo("INTEGER");
        assertThat(SqlDialect.MSSQL.columnType(autoKey(ColumnType.BIG_INTEGER))).isEqualTo("BIGINT IDENTITY(1,1)");
        assertThat(SqlDialect.POSTGRESQL.columnSuffix(autoKey(ColumnType.INTEGER))).isNull();
        assertThat(SqlDialect.POSTGRESQL.baseType(autoKey(ColumnType.INTEGER))).isEqualTo("INTEGER");
    }

    @Test
    void enumVarcharLengthCountsCodePointsAsPythonDoes() {
        PlannedColumn c = PlannedColumn.builder("c", ColumnType.ENUM)
                .enumType(new PlannedColumn.EnumType("E", "e", List.of("😀😀😀", "ab"), List.of("A", "B"))).build();
        assertThat(SqlDialect.SQLITE.columnType(c)).isEqualTo("VARCHAR(3)");
    }

    @Test
    void identifiersAreQuotedOnlyWhenReservedOrNotPlain() {
        assertThat(SqlDialect.POSTGRESQL.identifier("users")).isEqualTo("users");
        assertThat(SqlDialect.POSTGRESQL.identifier("user")).isEqualTo("\"user\"");
        assertThat(SqlDialect.MYSQL.identifier("order")).isEqualTo("`order`");
        assertThat(SqlDialect.MSSQL.identifier("group")).isEqualTo("[group]");
        assertThat(SqlDialect.SQLITE.identifier("Mixed")).isEqualTo("\"Mixed\"");
        // reserved in one dialect only: quoted there
        assertThat(SqlDialect.MYSQL.identifier("interval")).isEqualTo("`interval`");
        assertThat(SqlDialect.MSSQL.identifier("identity")).isEqualTo("[identity]");
        assertThat(SqlDialect.POSTGRESQL.identifier("identity")).isEqualTo("identity");
        // a closing quote inside is doubled
        assertThat(SqlDialect.MSSQL.identifier("a]b")).isEqualTo("[a]]b]");
        assertThat(SqlDialect.MYSQL.identifier("a`b")).isEqualTo("`a``b`");
        assertThat(SqlDialect.POSTGRESQL.identifier("a\"b")).isEqualTo("\"a\"\"b\"");
    }

    @Test
    void stringLiteralsPerDialect() {
        assertThat(SqlDialect.SQLITE.stringLiteral("it's \\ ok")).isEqualTo("'it''s \\ ok'");
        assertThat(SqlDialect.MYSQL.stringLiteral("it's \\ ok")).isEqualTo("'it''s \\\\ ok'");
        assertThat(SqlDialect.POSTGRESQL.stringLiteral("it's ok")).isEqualTo("'it''s ok'");
        assertThat(SqlDialect.POSTGRESQL.stringLiteral("it's \\ ok\n\u0001")).isEqualTo("E'it''s \\\\ ok\\n\\u0001'");
        assertThat(SqlDialect.MSSQL.stringLiteral("ascii")).isEqualTo("'ascii'");
        assertThat(SqlDialect.MSSQL.stringLiteral("ünï")).isEqualTo("N'ünï'");
        assertThat(SqlDialect.SQLITE.stringLiteral("nul\0")).isEqualTo("'nul\uFFFD'");
    }

    @Test
    void commentTextIsOneLine() {
        assertThat(SqlDialect.commentText("a\nb\r\nc\u2028d\u0085e\u000Bf\fg")).isEqualTo("a b  c d e f g");
        assertThat(SqlDialect.commentText(null)).isEmpty();
    }

    @Test
    void defaultsPerKindAndDialect() {
        PlannedColumn flag = withDefault(ColumnType.BOOLEAN, DefaultValue.FALSE);
        assertThat(SqlDialect.POSTGRESQL.defaultExpression(flag)).isEqualTo("false");
        assertThat(SqlDialect.MSSQL.defaultExpression(flag)).isEqualTo("0");
        PlannedColumn now = withDefault(ColumnType.DATETIME, DefaultValue.NOW);
        assertThat(SqlDialect.POSTGRESQL.defaultExpression(now)).isEqualTo("now()");
        assertThat(SqlDialect.MYSQL.defaultExpression(now)).isEqualTo("CURRENT_TIMESTAMP");
        PlannedColumn n = withDefault(ColumnType.NUMERIC, new DefaultValue(DefaultValue.Kind.NUMBER, new BigDecimal("1E+3")));
        assertThat(SqlDialect.SQLITE.defaultExpression(n)).isEqualTo("1000");
        PlannedColumn text = withDefault(ColumnType.TEXT, new DefaultValue(DefaultValue.Kind.STRING, "x"));
        assertThat(SqlDialect.MYSQL.defaultExpression(text)).isEqualTo("('x')");
        assertThat(SqlDialect.POSTGRESQL.defaultExpression(text)).isEqualTo("'x'");
        PlannedColumn uuid = withDefault(ColumnType.UUID, new DefaultValue(DefaultValue.Kind.UUID, "0E984725-C51C-4BF4-9960-E1C80E27ABA0"));
        assertThat(SqlDialect.SQLITE.defaultExpression(uuid)).isEqualTo("'0e984725c51c4bf49960e1c80e27aba0'");
        assertThat(SqlDialect.POSTGRESQL.defaultExpression(uuid)).isEqualTo("'0E984725-C51C-4BF4-9960-E1C80E27ABA0'");
        assertThat(SqlDialect.POSTGRESQL.defaultExpression(column(ColumnType.TEXT))).isNull();
    }

    @Test
    void textDefaultsWithLineBreaksAreExpressionsWhereLiteralsHaveNoEscapes() {
        PlannedColumn c = withDefault(ColumnType.TEXT, new DefaultValue(DefaultValue.Kind.STRING, "a\r\nb"));
        assertThat(SqlDialect.SQLITE.defaultExpression(c)).isEqualTo("('a' || char(13) || '' || char(10) || 'b')");
        assertThat(SqlDialect.MSSQL.defaultExpression(c)).isEqualTo("(N'a' + CHAR(13) + N'' + CHAR(10) + N'b')");
        assertThat(SqlDialect.POSTGRESQL.defaultExpression(c)).isEqualTo("E'a\\r\\nb'");
        assertThat(SqlDialect.MYSQL.defaultExpression(c)).isEqualTo("('a\\r\\nb')");
        PlannedColumn plain = withDefault(ColumnType.STRING, new DefaultValue(DefaultValue.Kind.STRING, "it's"));
        assertThat(SqlDialect.SQLITE.defaultExpression(plain)).isEqualTo("'it''s'");
    }

    @Test
    void mysqlTimestampDefaultsWithAnOffsetBecomeUtcWallTime() {
        PlannedColumn at = withDefault(ColumnType.DATETIME, new DefaultValue(DefaultValue.Kind.DATETIME, "2024-01-02T03:04:05+02:00"));
        assertThat(SqlDialect.MYSQL.defaultExpression(at)).isEqualTo("'2024-01-02 01:04:05'");
        assertThat(SqlDialect.POSTGRESQL.defaultExpression(at)).isEqualTo("'2024-01-02T03:04:05+02:00'");
        assertThat(SqlDialect.MSSQL.defaultExpression(at)).isEqualTo("'2024-01-02T03:04:05+02:00'");
        assertThat(SqlDialect.SQLITE.defaultExpression(at)).isEqualTo("'2024-01-02T03:04:05+02:00'");
        PlannedColumn z = withDefault(ColumnType.DATETIME, new DefaultValue(DefaultValue.Kind.DATETIME, "2024-01-02T03:04:05.250Z"));
        assertThat(SqlDialect.MYSQL.defaultExpression(z)).isEqualTo("'2024-01-02 03:04:05.25'");
        PlannedColumn local = withDefault(ColumnType.DATETIME, new DefaultValue(DefaultValue.Kind.DATETIME, "2024-01-02T03:04:05"));
        assertThat(SqlDialect.MYSQL.defaultExpression(local)).isEqualTo("'2024-01-02T03:04:05'");
        PlannedColumn time = withDefault(ColumnType.TIME, new DefaultValue(DefaultValue.Kind.TIME, "09:30:00.5+02:00"));
        assertThat(SqlDialect.MYSQL.defaultExpression(time)).isEqualTo("'09:30:00.5'");
        assertThat(SqlDialect.POSTGRESQL.defaultExpression(time)).isEqualTo("'09:30:00.5+02:00'");
    }

    private static PlannedColumn withDefault(ColumnType type, DefaultValue d) {
        return PlannedColumn.builder("c", type).defaultValue(d).build();
    }
}
