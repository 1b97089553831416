package dev.backbone.core.verify.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.generate.sql.SqlDialect;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SqlScriptTest {

    private static List<String> sql(String script, SqlDialect d) {
        return SqlScript.split(script, d).stream().map(SqlScript.Statement::sql).toList();
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void semicolonsInsideLiteralsAndCommentsDoNotSplit(SqlDialect d) {
        String script = "-- header; with semicolon\nCREATE TABLE t (a VARCHAR(9) DEFAULT 'x;y''z;');\n"
                + "/* block; comment */ COMMENT ON TABLE t IS 'a;b';\n\n-- trailing; comment\n";
        assertThat(sql(script, d)).hasSize(2);
        assertThat(sql(script, d).get(0)).endsWith("DEFAULT 'x;y''z;')");
    }

    @Test
    void reportsTheLineEachStatementStartsOn() {
        List<SqlScript.Statement> st = SqlScript.split("-- c\n\nSELECT 1;\nSELECT\n'a\nb';\n  SELECT 3", SqlDialect.SQLITE);
        assertThat(st).extracting(SqlScript.Statement::line).containsExactly(3, 4, 7);
        assertThat(st).extracting(SqlScript.Statement::index).containsExactly(1, 2, 3);
    }

    @Test
    void mysqlBackslashEscapesAQuote() {
        assertThat(sql("SELECT 'a\\';b'; SELECT 2", SqlDialect.MYSQL)).containsExactly("SELECT 'a\\';b'", "SELECT 2");
        // elsewhere a backslash is an ordinary character: the literal ends at the quote
        assertThat(sql("SELECT 'a\\'; SELECT 2", SqlDialect.SQLITE)).containsExactly("SELECT 'a\\'", "SELECT 2");
    }

    @Test
    void postgresEscapeStringsAndDollarQuotes() {
        assertThat(sql("SELECT E'a\\';b'; SELECT 'c\\'; SELECT $x$ ; $x$; SELECT $$;$$", SqlDialect.POSTGRESQL))
                .containsExactly("SELECT E'a\\';b'", "SELECT 'c\\'", "SELECT $x$ ; $x$", "SELECT $$;$$");
        // a word ending in e before a quote is not an E string
        assertThat(sql("SELECT some'\\'; SELECT 2", SqlDialect.POSTGRESQL)).hasSize(2);
    }

    @Test
    void nestedBlockCommentsWhereTheDialectNestsThem() {
        String script = "/* a /* b */ ; */ SELECT 1; SELECT 2";
        assertThat(sql(script, SqlDialect.POSTGRESQL)).containsExactly("SELECT 1", "SELECT 2");
        assertThat(sql(script, SqlDialect.SQLITE)).containsExactly("*/ SELECT 1", "SELECT 2");
    }

    @Test
    void quotedIdentifiersPerDialect() {
        assertThat(sql("CREATE TABLE [a;b] (x INT); SELECT 1", SqlDialect.MSSQL)).hasSize(2);
        assertThat(sql("CREATE TABLE `a;b` (x INT); SELECT 1", SqlDialect.MYSQL)).hasSize(2);
        assertThat(sql("CREATE TABLE \"a;\"\"b\" (x INT); SELECT 1", SqlDialect.POSTGRESQL)).hasSize(2);
    }

    @Test
    void mysqlDashDashNeedsASpace() {
        assertThat(sql("SELECT 1--1; SELECT 2", SqlDialect.MYSQL)).containsExactly("SELECT 1--1", "SELECT 2");
        assertThat(sql("SELECT 1 # x; y\n; SELECT 2", SqlDialect.MYSQL)).containsExactly("SELECT 1 # x; y", "SELECT 2");
    }

    static IntStream seeds() {
        return IntStream.range(0, 300);
    }

    /** A random string of up to 40 characters drawn from the ones that matter to SQL lexers. Reproducible per seed. */
    private static String randomText(int seed, String alphabet) {
        Random rnd = new Random(seed);
        StringBuilder b = new StringBuilder();
        for (int i = rnd.nextInt(41); i > 0; i--) {
            b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aRenderedLiteralNeverEndsEarly(int seed) {
        String text = randomText(seed, "'\"\\;-*/\n\rEN$`[]a \t#é\u2028");
        for (SqlDialect d : SqlDialect.values()) {
            String script = "SELECT " + d.stringLiteral(text) + ";\nSELECT 2;";
            assertThat(sql(script, d)).as("%s: %s", d, script).hasSize(2).last().isEqualTo("SELECT 2");
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aRenderedCommentNeverEndsEarly(int seed) {
        String text = randomText(seed, "';\n\r\u000B\f\u0085\u2028\u2029*/a-");
        for (SqlDialect d : SqlDialect.values()) {
            String script = "-- " + SqlDialect.commentText(text) + "\nSELECT 2;";
            assertThat(sql(script, d)).as("%s: %s", d, script).containsExactly("SELECT 2");
        }
    }
}
