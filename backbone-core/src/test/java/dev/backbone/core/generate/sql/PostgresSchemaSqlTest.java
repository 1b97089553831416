package dev.backbone.core.generate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.schema.DbType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.backbone.core.testsupport.Requirements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** schema.sql on the real PostgreSQL (BACKBONE_TEST_PG_URL), run through pgJDBC's own statement parser. */
class PostgresSchemaSqlTest extends SchemaSqlContract {

    @Override
    DbType db() {
        return DbType.POSTGRESQL;
    }

    @Override
    TestDatabases.Db open() {
        return TestDatabases.postgres();
    }

    @Override
    void runScript(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    boolean keepsComments() {
        return true;
    }

    @Override
    String schema(Connection c) {
        return "public";
    }

    @Override
    String enumParameter(PlannedColumn.EnumType e) {
        return "CAST(? AS " + SqlDialect.POSTGRESQL.identifier(e.dbName()) + ")";
    }

    @Test
    void enumTypesHoldExactlyTheLabelsInOrder() throws SQLException {
        Plan plan = SqlTestPlans.everything(DbType.POSTGRESQL);
        try (TestDatabases.Db db = open(); Connection c = db.connect()) {
            runScript(c, render(plan));
            Map<String, List<String>> labels = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT t.typname, e.enumlabel FROM pg_type t"
                    + " JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder")) {
                while (rs.next()) {
                    labels.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            assertThat(labels).containsOnlyKeys("user_mood", "user_role");
            assertThat(labels.get("user_role")).containsExactly(SqlTestPlans.ENUM_LABELS);
            assertThat(labels.get("user_mood")).containsExactly("happy", "sad");
        }
    }

    /** The way a user runs it: {@code psql -f schema.sql}, whose own lexer also treats backslash lines as commands. */
    @Test
    void psqlRunsTheScriptAsUsersDo(@TempDir Path dir) throws Exception {
        Requirements.require(onPath("psql"), "psql on the PATH");
        Plan plan = WorkflowPlans.plan("everything", DbType.POSTGRESQL);
        Path file = dir.resolve("schema.sql");
        Files.writeString(file, render(plan));
        try (TestDatabases.Db db = open()) {
            Process p = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file.toString(), db.clientUrl())
                    .redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).isEmpty();
            try (Connection c = db.connect()) {
                assertThat(actualColumns(c.getMetaData(), null, "public")).isEqualTo(plannedColumns(plan));
                assertThat(actualComments(c.getMetaData(), null, "public")).isEqualTo(plannedComments(plan));
                assertClientKeptTheDefaults(c, SqlDialect.POSTGRESQL);
            }
        }
    }

    /**
     * The contract's checks can fail: with a template that forgets {@code sqlstring}, the last
     * table's description ends its literal and drops table {@code user}, and the script still
     * runs; only the table-set check notices.
     */
    @Test
    void anUnescapedTemplateLosesATableAndTheChecksSeeIt(@TempDir Path dir) throws Exception {
        String packaged;
        try (var in = SqlTarget.class.getResourceAsStream("/templates/sql/create_table.sql.peb")) {
            packaged = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("create_table.sql.peb"),
                packaged.replace("IS {{ table.description | sqlstring }}", "IS '{{ table.description }}'"));
        Plan plan = PlanFixtures.plan("Unsafe", DbType.POSTGRESQL)
                .table("user", t -> t.id())
                .table("tag", t -> t.description(SqlTestPlans.DROP_USER).id().fk("user_id", "user.id", c -> {}))
                .build();
        String unsafe = new SqlTarget().render(plan, new dev.backbone.core.generate.TemplateRenderer(dir)).get(0).content();
        assertThat(unsafe).contains("COMMENT ON TABLE tag IS 'x'; DROP TABLE \"user\" CASCADE; --';");
        try (TestDatabases.Db db = open(); Connection c = db.connect()) {
            runScript(c, unsafe);
            assertThat(plannedColumns(plan)).containsKey("user");
            assertThat(actualColumns(c.getMetaData(), null, "public")).doesNotContainKey("user").containsKey("tag");
        }
        assertThat(new dev.backbone.core.verify.sql.EmbeddedDdlCheck().check(plan, unsafe).get(0).message())
                .startsWith("the script has " + (dev.backbone.core.verify.sql.EmbeddedDdlCheck.expectedStatementsFor(plan) + 1)
                        + " statements where the plan calls for " + dev.backbone.core.verify.sql.EmbeddedDdlCheck.expectedStatementsFor(plan));
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void backslashesAreLiteralEvenWithoutStandardConformingStrings() throws SQLException {
        Plan plan = SqlTestPlans.everything(DbType.POSTGRESQL);
        try (TestDatabases.Db db = open(); Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET standard_conforming_strings = off");
            }
            runScript(c, render(plan));
            assertThat(actualComments(c.getMetaData(), null, "public")).isEqualTo(plannedComments(plan));
        }
    }
}
