package dev.backbone.bench;

import dev.backbone.core.schema.SyntheticSchemas;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The stage times the workflow itself reports to its listener (what the server's
 * {@code backbone_stage_duration_seconds} and the guide's dashboards show), next to the whole
 * workflow's time, for validate + plan: the stages should add up to the whole, and each should be
 * what its name says. Stage times are wall-clock, as the workflow reports them, so a loaded machine
 * moves them; the last column is the benchmark thread's own CPU time for the whole workflow,
 * which the neighbours move much less.
 *
 * <p>{@code java -Xms4g -Xmx4g -XX:+AlwaysPreTouch -cp backbone-bench/target/benchmarks.jar dev.backbone.bench.StageSplit 100 1000 10000}
 */
public final class StageSplit {

    private StageSplit() {}

    /** Adds up what the workflow reports, per stage and in all. */
    private static final class Recorder implements WorkflowListener {
        long validate;
        long plan;
        long whole;

        @Override
        public void stageFinished(String stage, long nanos, boolean success) {
            if (stage.equals(Workflow.STAGE_VALIDATE)) {
                validate += nanos;
            } else if (stage.equals(Workflow.STAGE_PLAN)) {
                plan += nanos;
            }
        }

        @Override
        public void workflowFinished(String kind, String status, long nanos) {
            whole += nanos;
        }
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {100, 1000, 10000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.println("| tables | validate stage ms | plan stage ms | stages together ms | whole workflow ms | stages / whole | whole, thread cpu ms |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        Workflow workflow = new Workflow();
        for (int n : sizes) {
            String text = SyntheticSchemas.generate(n);
            int warmup = Math.max(5, 40_000 / n);
            int runs = Math.max(10, 40_000 / n);
            for (int i = 0; i < warmup; i++) {
                workflow.validate(text, Limits.DEFAULTS, WorkflowListener.NONE);
            }
            Recorder r = new Recorder();
            long cpu0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < runs; i++) {
                if (!workflow.validate(text, Limits.DEFAULTS, r).valid()) {
                    throw new IllegalStateException("the synthetic schema of " + n + " tables must plan");
                }
            }
            long cpu = mx.getCurrentThreadCpuTime() - cpu0;
            double ms = 1e6 * runs;
            System.out.println(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.2f | %.3f | %.2f |", n, r.validate / ms,
                    r.plan / ms, (r.validate + r.plan) / ms, r.whole / ms, (double) (r.validate + r.plan) / r.whole, cpu / ms));
        }
    }
}
