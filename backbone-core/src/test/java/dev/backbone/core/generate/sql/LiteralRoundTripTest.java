package dev.backbone.core.generate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.verify.sql.EmbeddedEngine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link SqlDialect#stringLiteral} read back by the engines themselves: {@code SELECT <literal>}
 * returns the text exactly, for random texts made of the characters that matter (quotes,
 * backslashes, line breaks, control characters, {@code $}, non-ASCII, astral). Seeded, so a
 * failure reproduces.
 */
class LiteralRoundTripTest {

    private static final String ALPHABET = "'\"\\;-*/\n\r\t\u000B\f\u0001E N$`[]{}%#aZ0é日\u2028\u202E";

    static List<String> texts() {
        return IntStream.range(0, 200).mapToObj(seed -> {
            Random rnd = new Random(seed);
            StringBuilder b = new StringBuilder();
            for (int i = rnd.nextInt(30); i > 0; i--) {
                if (rnd.nextInt(20) == 0) {
                    b.appendCodePoint(0x1F600 + rnd.nextInt(50));
                } else {
                    b.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                }
            }
            return b.toString();
        }).toList();
    }

    private static void assertRoundTrip(Connection c, SqlDialect d) throws SQLException {
        for (String text : texts()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + d.stringLiteral(text))) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("%s literal %s", d, d.stringLiteral(text)).isEqualTo(text);
            }
        }
    }

    @Test
    void sqlite() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            assertRoundTrip(c, SqlDialect.SQLITE);
        }
    }

    /**
     * H2 reads PostgreSQL's E'...' strings knowing only two escapes, {@code \\} and {@code ''}: an
     * {@code \n} or {@code \u000C} stays as written. So the embedded check stores other text than
     * PostgreSQL would for text with control characters, but the literal ends at the same place
     * (BackBone never writes the {@code \'} that H2 would misread). Plain literals read back exactly.
     */
    @Test
    void h2InPostgresqlMode() throws SQLException {
        try (Connection c = EmbeddedEngine.of(SqlDialect.POSTGRESQL).connect()) {
            for (String text : texts()) {
                String literal = SqlDialect.POSTGRESQL.stringLiteral(text);
                String expected = literal.startsWith("E'") ? h2EscapeString(literal.substring(2, literal.length() - 1)) : text;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + literal)) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).as(literal).isEqualTo(expected);
                }
            }
        }
    }

    private static String h2EscapeString(String body) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            b.append(c);
            if ((c == '\\' || c == '\'') && i + 1 < body.length() && body.charAt(i + 1) == c) {
                i++;
            }
        }
        return b.toString();
    }

    @Test
    void h2InSqlServerMode() throws SQLException {
        try (Connection c = EmbeddedEngine.of(SqlDialect.MSSQL).connect()) {
            assertRoundTrip(c, SqlDialect.MSSQL);
        }
    }

    @Test
    void postgresql() throws SQLException {
        try (TestDatabases.Db db = TestDatabases.postgres(); Connection c = db.connect()) {
            assertRoundTrip(c, SqlDialect.POSTGRESQL);
            try (Statement s = c.createStatement()) {
                s.execute("SET standard_conforming_strings = off");
            }
            assertRoundTrip(c, SqlDialect.POSTGRESQL);
        }
    }

    @Test
    void mariadb() throws SQLException {
        try (TestDatabases.Db db = TestDatabases.mariadb(); Connection c = db.connect()) {
            assertRoundTrip(c, SqlDialect.MYSQL);
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')");
            }
            // with NO_BACKSLASH_ESCAPES the escapes stay as written, but the literal still ends where it should
            for (String text : texts()) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + SqlDialect.MYSQL.stringLiteral(text))) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n"));
                }
            }
        }
    }
}
