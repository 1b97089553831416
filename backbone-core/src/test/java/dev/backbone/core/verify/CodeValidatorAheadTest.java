package dev.backbone.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.sql.WorkflowPlans;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.schema.DbType;
import dev.backbone.core.workflow.GenerateRequest;
import dev.backbone.core.workflow.WorkflowListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DDL check begun ahead of the verify stage (on a machine with cores to spare) reports what
 * the check run in the verify stage reports, on the stage's listener, for a schema.sql that runs
 * and one that does not; a check begun for another file is not used.
 */
class CodeValidatorAheadTest {

    private final CodeValidator validator = new CodeValidator();

    /** Tool calls as the listener saw them. */
    private static final class Tools implements WorkflowListener {
        final List<String> calls = new ArrayList<>();

        @Override
        public void toolStarted(String tool) {
            calls.add("start " + tool);
        }

        @Override
        public void toolFinished(String tool, long nanos, boolean success) {
            calls.add("end " + tool + " " + success + " " + (nanos > 0));
        }
    }

    @Test
    void theCheckBegunAheadReportsWhatTheStageWouldHave() {
        for (DbType db : DbType.values()) {
            Plan plan = WorkflowPlans.plan("blog_schema", db);
            List<GeneratedFile> files = WorkflowPlans.generate("blog_schema", db, GenerateRequest.DEFAULT_TARGETS);
            CodeValidator.Ahead ahead = validator.ahead(plan, files, VerifyMode.FAST);
            assertThat(ahead).as(db.wire()).isNotNull();
            Tools early = new Tools();
            VerifyReport collected = validator.verify(plan, files, VerifyMode.FAST, early, ahead);
            Tools late = new Tools();
            VerifyReport direct = validator.verify(plan, files, VerifyMode.FAST, late);
            assertThat(collected).as(db.wire()).isEqualTo(direct);
            assertThat(collected.passed()).isTrue();
            assertThat(early.calls).isEqualTo(late.calls).contains("end ddl_check true true");
        }
    }

    @Test
    void aScriptThatFailsFailsTheSameWayAhead() {
        Plan plan = WorkflowPlans.plan("blog_schema", DbType.POSTGRESQL);
        List<GeneratedFile> files = List.of(new GeneratedFile("schema.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY,;\n"));
        CodeValidator.Ahead ahead = validator.ahead(plan, files, VerifyMode.FAST);
        Tools early = new Tools();
        VerifyReport collected = validator.verify(plan, files, VerifyMode.FAST, early, ahead);
        assertThat(collected).isEqualTo(validator.verify(plan, files, VerifyMode.FAST));
        assertThat(collected.passed()).isFalse();
        assertThat(early.calls).containsExactly("start ddl_check", "end ddl_check false true");
    }

    @Test
    void nothingIsBegunWithoutASchemaSqlOrWithVerifyNone() {
        Plan plan = WorkflowPlans.plan("blog_schema", DbType.POSTGRESQL);
        List<GeneratedFile> files = WorkflowPlans.generate("blog_schema", DbType.POSTGRESQL, GenerateRequest.DEFAULT_TARGETS);
        assertThat(validator.ahead(plan, files, VerifyMode.NONE)).isNull();
        assertThat(validator.ahead(plan, files.stream().filter(f -> !f.path().equals("schema.sql")).toList(), VerifyMode.FAST)).isNull();
    }

    @Test
    void aCheckBegunForAnotherSchemaSqlIsNotUsed() {
        Plan plan = WorkflowPlans.plan("blog_schema", DbType.POSTGRESQL);
        List<GeneratedFile> files = WorkflowPlans.generate("blog_schema", DbType.POSTGRESQL, GenerateRequest.DEFAULT_TARGETS);
        CodeValidator.Ahead stale = validator.ahead(plan, List.of(new GeneratedFile("schema.sql", "CREATE TABLE x (;\n")), VerifyMode.FAST);
        VerifyReport r = validator.verify(plan, files, VerifyMode.FAST, WorkflowListener.NONE, stale);
        assertThat(r.passed()).isTrue();
        assertThat(r).isEqualTo(validator.verify(plan, files, VerifyMode.FAST));
    }
}
