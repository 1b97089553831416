package dev.backbone.core.generate.sql;

import dev.backbone.core.schema.DbType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.plan.Plan;
import dev.backbone.core.testsupport.Requirements;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * schema.sql of the mysql dialect on the real MariaDB (BACKBONE_TEST_MYSQL_URL), sent as one
 * multi-statement script so the server's own parser splits it. The test database is created
 * with utf8mb4, as a MySQL 8 server's default is; MariaDB's default latin1 cannot hold the
 * corpus's Unicode.
 */
class MariaDbSchemaSqlTest extends SchemaSqlContract {

    @Override
    DbType db() {
        return DbType.MYSQL;
    }

    @Override
    TestDatabases.Db open() {
        return TestDatabases.mariadb();
    }

    @Override
    void runScript(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            while (s.getMoreResults() || s.getUpdateCount() != -1) {
                // drain every statement's result so a failure anywhere surfaces
            }
        }
    }

    @Override
    boolean keepsComments() {
        return true;
    }

    @Override
    String schema(Connection c) {
        return null;
    }

    /**
     * MariaDB (like MySQL) keeps table and column comments in utf8mb3 whatever the table's
     * character set: a character outside the Basic Multilingual Plane (an emoji) is stored as
     * {@code ?}. Everything else reads back exactly.
     */
    @Override
    String storedComment(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isSupplementaryCodePoint(cp)) {
                b.append('?');
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    /** The way a user runs it: {@code mariadb db < schema.sql}, through the client's own statement splitting. */
    @Test
    void theMariadbClientRunsTheScriptAsUsersDo() throws Exception {
        String client = Files.isExecutable(Path.of("/usr/bin/mariadb")) ? "/usr/bin/mariadb" : "/usr/bin/mysql";
        Requirements.require(Files.isExecutable(Path.of(client)), "the mariadb (or mysql) client");
        Plan plan = WorkflowPlans.plan("everything", DbType.MYSQL);
        try (TestDatabases.Db db = open()) {
            URI uri = URI.create(Requirements.env("BACKBONE_TEST_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root").substring(5));
            Process p = new ProcessBuilder(client, "--protocol=TCP", "-h", uri.getHost(), "-P", String.valueOf(uri.getPort() < 0 ? 3306 : uri.getPort()),
                    "-u", "root", "--default-character-set=utf8mb4", db.name()).redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(render(plan).getBytes(StandardCharsets.UTF_8));
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
            try (Connection c = db.connect()) {
                assertThat(actualColumns(c.getMetaData(), c.getCatalog(), null)).isEqualTo(plannedColumns(plan));
                Map<String, String> expected = new TreeMap<>();
                plannedComments(plan).forEach((k, v) -> expected.put(k, storedComment(v)));
                assertThat(actualComments(c.getMetaData(), c.getCatalog(), null)).isEqualTo(expected);
                assertClientKeptTheDefaults(c, SqlDialect.MYSQL);
            }
        }
    }

    @Override
    String catalog(Connection c) throws SQLException {
        return c.getCatalog();
    }
}
