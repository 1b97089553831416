package dev.backbone.core.generate.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backbone.core.plan.Plan;
import dev.backbone.core.schema.DbType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import dev.backbone.core.testsupport.Requirements;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** schema.sql on SQLite itself (sqlite-jdbc, in memory), the script executed in one call by SQLite's own parser. */
class SqliteSchemaSqlTest extends SchemaSqlContract {

    @Override
    DbType db() {
        return DbType.SQLITE;
    }

    @Override
    TestDatabases.Db open() {
        return new TestDatabases.Db() {
            private Connection shared;

            @Override
            public String name() {
                return "memory";
            }

            @Override
            public String jdbcUrl() {
                return "jdbc:sqlite::memory:";
            }

            @Override
            public String sqlalchemyUrl() {
                return null;
            }

            /** One in-memory database per Db: every connect() returns the same connection, left open until close(). */
            @Override
            public Connection connect() throws SQLException {
                if (shared == null) {
                    shared = DriverManager.getConnection(jdbcUrl());
                }
                return new UnclosableConnection(shared).proxy();
            }

            @Override
            public void close() {
                try {
                    if (shared != null) {
                        shared.close();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    @Override
    void runScript(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            s.executeUpdate(sql);
        }
    }

    @Override
    boolean keepsComments() {
        return false;
    }

    @Override
    String schema(Connection c) {
        return null;
    }

    @Test
    void descriptionsStayVisibleAsCommentsInTheStoredTableDefinition() throws SQLException {
        Plan plan = SqlTestPlans.everything(DbType.SQLITE);
        try (TestDatabases.Db db = open(); Connection c = db.connect()) {
            runScript(c, render(plan));
            String stored;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'user'")) {
                assertThat(rs.next()).isTrue();
                stored = rs.getString(1);
            }
            assertThat(stored).contains("    -- " + SqlDialect.commentText(SqlTestPlans.ADVERSARIAL[2]) + "\n    bio TEXT,");
            assertThat(stored).contains("    -- " + SqlTestPlans.ADVERSARIAL[3] + "\n    \"order\" INTEGER,");
        }
    }

    /** The way a user runs it: {@code sqlite3 app.db < schema.sql}, through the shell's own reading of the script. */
    @Test
    void theSqlite3ShellRunsTheScriptAsUsersDo(@TempDir Path dir) throws Exception {
        Requirements.require(Files.isExecutable(Path.of("/usr/bin/sqlite3")), "the sqlite3 shell");
        Plan plan = WorkflowPlans.plan("everything", DbType.SQLITE);
        Path file = dir.resolve("app.db");
        Process p = new ProcessBuilder("/usr/bin/sqlite3", "-bail", file.toString()).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(render(plan).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).isEmpty();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(actualColumns(c.getMetaData(), null, null)).isEqualTo(plannedColumns(plan));
            assertClientKeptTheDefaults(c, SqlDialect.SQLITE);
        }
    }

    @Test
    void theDeferredForeignKeyIsEnforcedInline() throws SQLException {
        Plan plan = SqlTestPlans.everything(DbType.SQLITE);
        try (TestDatabases.Db db = open(); Connection c = db.connect()) {
            runScript(c, render(plan));
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO \"user\" (name) VALUES ('owner')");
                s.executeUpdate("INSERT INTO \"group\" (title, owner_id) VALUES ('g', 1)");
                assertThatThrownBy(() -> s.executeUpdate("UPDATE \"group\" SET featured_order_id = 42"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("FOREIGN KEY");
            }
        }
    }

    @Test
    void anIntegerKeyIsTheRowidSoItAutoincrements() throws SQLException {
        Plan plan = SqlTestPlans.everything(DbType.SQLITE);
        try (TestDatabases.Db db = open(); Connection c = db.connect()) {
            runScript(c, render(plan));
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO \"user\" (name) VALUES ('a')");
                s.executeUpdate("INSERT INTO \"group\" (title, owner_id) VALUES ('g', 1)");
                s.executeUpdate("INSERT INTO \"order\" (group_id) VALUES (1)");
                try (ResultSet rs = s.executeQuery("SELECT id FROM \"order\"")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(1L);
                }
            }
        }
    }
}
