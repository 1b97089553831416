package dev.backbone.core.verify.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.generate.sql.SqlTarget;
import dev.backbone.core.generate.sql.SqlTestPlans;
import dev.backbone.core.generate.sql.WorkflowPlans;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.schema.DbType;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.verify.VerifyMode;
import dev.backbone.core.workflow.GenerateRequest;
import dev.backbone.core.workflow.GenerationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import dev.backbone.core.verify.VerifyReport.Check;
import dev.backbone.core.verify.VerifyReport.Status;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class EmbeddedDdlCheckTest {

    private final EmbeddedDdlCheck check = new EmbeddedDdlCheck();

    private static String render(Plan plan) {
        return new SqlTarget().render(plan, TemplateRenderer.packaged()).get(0).content();
    }

    @ParameterizedTest
    @EnumSource(DbType.class)
    void theCorpusPassesEveryCheckOnEveryDialect(DbType db) {
        for (Plan plan : SqlTestPlans.all(db)) {
            List<Check> checks = check.check(plan, render(plan));
            assertThat(checks).as(plan.projectName() + " on " + db)
                    .extracting(Check::check).containsExactly("sql_statements", "sql_executes", "sql_structure");
            assertThat(checks).as(plan.projectName() + " on " + db + ": " + checks)
                    .allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.PASSED))
                    .allSatisfy(c -> assertThat(c.path()).isEqualTo("schema.sql"));
        }
    }

    @ParameterizedTest
    @EnumSource(DbType.class)
    void examplesAndCorpusThroughTheWorkflowPassEveryCheck(DbType db) {
        for (String doc : concat(WorkflowPlans.examples(), WorkflowPlans.corpus())) {
            List<GeneratedFile> files = WorkflowPlans.generate(doc, db, List.of("sql"));
            List<Check> checks = check.check(WorkflowPlans.plan(doc, db), files);
            assertThat(checks).as(doc + " on " + db).hasSize(3)
                    .allSatisfy(c -> assertThat(c.status()).as(doc + " on " + db + ": " + c.message()).isEqualTo(Status.PASSED));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    @Test
    void verifyFastRunsTheseChecksThroughTheWorkflow() {
        GenerationOutcome out = new Workflow().generate(new GenerateRequest("blog_schema.json",
                WorkflowPlans.text("blog_schema", DbType.MYSQL), List.of("sql"), null, VerifyMode.FAST, Limits.DEFAULTS, false),
                WorkflowListener.NONE);
        assertThat(out.verify().checks()).filteredOn(c -> c.path().equals("schema.sql"))
                .extracting(Check::check, Check::status)
                .containsExactly(tuple("sql_statements", Status.PASSED), tuple("sql_executes", Status.PASSED),
                        tuple("sql_structure", Status.PASSED));
        assertThat(out.status()).isEqualTo("completed");
    }

    @Test
    void saysWhichEngineRanAndThatH2IsAnEmulation() {
        Plan plan = SqlTestPlans.blog(DbType.POSTGRESQL);
        assertThat(check.check(plan, render(plan)).get(1).message())
                .matches("executed 6 statements on H2 2\\.\\S+ in PostgreSQL mode \\(an emulation, not a real PostgreSQL server\\)");
        Plan lite = SqlTestPlans.blog(DbType.SQLITE);
        assertThat(check.check(lite, render(lite)).get(1).message()).isEqualTo("executed 5 statements on SQLite (in memory)");
    }

    @Test
    void anExtraStatementFailsTheCount() {
        Plan plan = SqlTestPlans.blog(DbType.POSTGRESQL);
        String sql = render(plan).replace("CREATE TABLE comments", "DROP TABLE posts; CREATE TABLE comments");
        List<Check> checks = check.check(plan, sql);
        assertThat(checks.get(0).status()).isEqualTo(Status.FAILED);
        assertThat(checks.get(0).message()).startsWith("the script has 7 statements where the plan calls for 6");
    }

    @Test
    void aFailingStatementIsNamedWithItsLine() {
        Plan plan = SqlTestPlans.blog(DbType.MYSQL);
        String sql = render(plan).replace("bio TEXT", "bio TEXTT");
        Check executed = check.check(plan, sql).get(1);
        assertThat(executed.status()).isEqualTo(Status.FAILED);
        assertThat(executed.message()).startsWith("statement 1 (line 5) failed on H2 ").contains("MySQL mode");
    }

    @Test
    void aMissingColumnFailsTheStructure() {
        Plan plan = SqlTestPlans.blog(DbType.SQLITE);
        String sql = render(plan).replace("    bio TEXT,\n", "    -- bio dropped\n    biography TEXT,\n");
        List<Check> checks = check.check(plan, sql);
        assertThat(checks.get(1).status()).isEqualTo(Status.PASSED);
        assertThat(checks.get(2).status()).isEqualTo(Status.FAILED);
        assertThat(checks.get(2).message()).isEqualTo("table users: column bio is missing; table users: column biography is not in the plan");
    }

    @Test
    void aMissingTableFailsTheStructureAndTheStructureIsSkippedWhenExecutionFails() {
        Plan plan = SqlTestPlans.blog(DbType.MSSQL);
        String sql = render(plan);
        String withoutComments = sql.substring(0, sql.indexOf("CREATE TABLE comments"));
        assertThat(check.check(plan, withoutComments).get(2).message()).isEqualTo("table comments is missing");
        assertThat(check.check(plan, sql + "\nCREATE TABLE broken (;").get(2).status()).isEqualTo(Status.SKIPPED);
    }

    @Test
    void noSchemaFileNoChecks() {
        Plan plan = SqlTestPlans.blog(DbType.SQLITE);
        assertThat(check.check(plan, List.of(new GeneratedFile("app/__init__.py", "")))).isEmpty();
        assertThat(check.check(plan, List.of(new GeneratedFile("schema.sql", render(plan))))).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(value = DbType.class, names = {"POSTGRESQL", "MSSQL"})
    void h2AcceptsNamesThatOnlyH2Reserves(DbType db) {
        Plan plan = SqlTestPlans.h2Keywords(db);
        assertThat(check.check(plan, render(plan))).allSatisfy(c -> assertThat(c.status()).as(c.message()).isEqualTo(Status.PASSED));
    }
}
