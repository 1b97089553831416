package dev.backbone.bench;

import dev.backbone.core.schema.SyntheticSchemas;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.verify.VerifyMode;
import dev.backbone.core.workflow.GenerateRequest;
import dev.backbone.core.workflow.GenerationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Validate + plan + render both targets (issue 3, "Measured"): the in-memory part of
 * {@code backbone-ai generate} with {@code --verify none}, on synthetic documents of 100, 1,000
 * and 10,000 tables. Writing to disk and verification are measured separately (bench/e2e.sh).
 * Forks run with the same fixed, pre-touched heap as {@link ValidatePlanBenchmark}, for the same reason.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 3, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GenerateBenchmark {

    @Param({"100", "1000", "10000"})
    public int tables;

    private GenerateRequest request;
    private Workflow workflow;

    @Setup
    public void setUp() {
        request = new GenerateRequest("synthetic", SyntheticSchemas.generate(tables), GenerateRequest.DEFAULT_TARGETS,
                null, VerifyMode.NONE, Limits.DEFAULTS, false);
        workflow = new Workflow();
        GenerationOutcome check = workflow.generate(request, WorkflowListener.NONE);
        if (!"completed".equals(check.status()) || check.models() != tables) {
            throw new IllegalStateException("the synthetic schema of " + tables + " tables must generate: "
                    + check.validation().errors());
        }
    }

    @Benchmark
    public GenerationOutcome validatePlanRender() {
        return workflow.generate(request, WorkflowListener.NONE);
    }
}
