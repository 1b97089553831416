package dev.backbone.bench;

import dev.backbone.core.validate.Limits;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Validate + plan (issue 2, "Measured"): read the text with positions, run the schema_validator
 * and the architect, exactly what {@code backbone-ai validate} and {@code POST /api/v1/validate}
 * do, on synthetic documents of 100, 1,000 and 10,000 tables. Run with {@code -prof gc} for the
 * allocation per operation; see docs/performance.md for the command and the results.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ValidatePlanBenchmark {

    @Param({"100", "1000", "10000"})
    public int tables;

    private String text;
    private Workflow workflow;

    @Setup
    public void setUp() {
        text = SyntheticSchemas.generate(tables);
        workflow = new Workflow();
        ValidationOutcome check = workflow.validate(text, Limits.DEFAULTS, WorkflowListener.NONE);
        if (!check.valid() || check.plan().tables().size() != tables) {
            throw new IllegalStateException("the synthetic schema of " + tables + " tables must plan: " + check.errors());
        }
    }

    @Benchmark
    public ValidationOutcome validateAndPlan() {
        return workflow.validate(text, Limits.DEFAULTS, WorkflowListener.NONE);
    }
}
