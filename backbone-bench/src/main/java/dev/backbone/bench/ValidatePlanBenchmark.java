package dev.backbone.bench;

import dev.backbone.core.schema.SyntheticSchemas;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.workflow.ValidationOutcome;
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
 * Validate + plan (issue 2, "Measured"): read the text with positions, run the schema_validator
 * and the architect, exactly what {@code backbone-ai validate} and {@code POST /api/v1/validate}
 * do, on synthetic documents of 100, 1,000 and 10,000 tables. Run with {@code -prof gc} for the
 * allocation per operation; see docs/performance.md for the command and the results.
 *
 * <p>Each fork runs with a fixed heap, touched up front ({@code -Xms4g -Xmx4g
 * -XX:+AlwaysPreTouch}), as a long-running service's heap is once warm. With the default heap,
 * G1 is still growing it during the first minute of the 10,000-table run, and the operating
 * system zeroing the new pages, not this code, set the spread: 250 to 630 ms per operation within
 * one fork, against 195 to 220 ms with the fixed heap (docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 3, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
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
