package dev.backbone.core.generate.sqlalchemy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.verify.VerifyMode;
import dev.backbone.core.verify.VerifyReport;
import dev.backbone.core.verify.python.PythonToolchain;
import dev.backbone.core.verify.python.PythonTools;
import dev.backbone.core.workflow.GenerateRequest;
import dev.backbone.core.workflow.GenerationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --verify full} on the blog example: every Python file passes every toolchain check. */
class VerifyFullTest {

    @Test
    void theBlogExamplePassesEveryPythonCheck() {
        PythonToolchain tc = PythonTools.require("pyflakes", "black", "mypy");
        String json = Generation.read(Generation.projectRoot().resolve("examples/blog_schema.json"));
        GenerationOutcome out = new Workflow().generate(new GenerateRequest("blog_schema.json", json,
                GenerateRequest.DEFAULT_TARGETS, null, VerifyMode.FULL, Limits.DEFAULTS, false), WorkflowListener.NONE);
        List<String> python = out.files().stream().map(GeneratedFile::path).filter(p -> p.endsWith(".py")).toList();
        assertThat(python).isNotEmpty();
        List<VerifyReport.Check> checks = out.verify().checks();
        for (String check : List.of(PythonToolchain.SYNTAX, PythonToolchain.PYFLAKES, PythonToolchain.BLACK, PythonToolchain.MYPY)) {
            assertThat(checks.stream().filter(c -> c.check().equals(check)).map(VerifyReport.Check::path))
                    .as(check + " on every Python file (" + tc.describe() + ")").containsExactlyInAnyOrderElementsOf(python);
        }
        assertThat(checks).anySatisfy(c -> assertThat(c.check()).isEqualTo(PythonToolchain.CREATE_ALL));
        SqlAlchemyToolchainTest.assertAllPassed(checks);
        assertThat(out.status()).isEqualTo("completed");
    }
}
