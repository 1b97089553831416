package dev.backbone.bench;

import dev.backbone.core.plan.Architect;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.schema.SchemaReader;
import dev.backbone.core.schema.SyntheticSchemas;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.validate.SchemaValidator;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * Where validate + plan spends its time, phase by phase (read, validate, plan), in thread CPU
 * time and bytes allocated: a complement to the JMH numbers that stays meaningful on a shared,
 * loaded machine, where wall-clock time mostly measures the neighbours. Not a replacement for
 * JMH (no forking, simple warm-up); see docs/performance.md.
 *
 * <p>{@code java -cp backbone-bench/target/benchmarks.jar dev.backbone.bench.PhaseSplit 100 1000 10000}
 */
public final class PhaseSplit {

    private PhaseSplit() {}

    public static void main(String[] args) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int[] sizes = args.length == 0 ? new int[] {100, 1000, 10000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.println("| tables | read cpu ms | read MB | validate cpu ms | validate MB | plan cpu ms | plan MB | total cpu ms | total MB |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int n : sizes) {
            String text = SyntheticSchemas.generate(n);
            int warmup = Math.max(3, 20_000 / n);
            int runs = Math.max(5, 20_000 / n);
            long[] sum = new long[6];
            for (int i = 0; i < warmup + runs; i++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long a0 = mx.getCurrentThreadAllocatedBytes();
                SchemaReader.Result read = SchemaReader.read(text);
                long c1 = mx.getCurrentThreadCpuTime();
                long a1 = mx.getCurrentThreadAllocatedBytes();
                SchemaValidator.Validation validation = new SchemaValidator(Limits.DEFAULTS).check(read.schema(), read.findings());
                List<Finding> findings = validation.findings();
                long c2 = mx.getCurrentThreadCpuTime();
                long a2 = mx.getCurrentThreadAllocatedBytes();
                if (!validation.succeeded()) {
                    throw new IllegalStateException("synthetic schema is not valid: " + findings);
                }
                Plan plan = new Architect().plan(validation.document());
                long c3 = mx.getCurrentThreadCpuTime();
                long a3 = mx.getCurrentThreadAllocatedBytes();
                if (plan.tables().size() != n) {
                    throw new IllegalStateException("synthetic schema did not plan all " + n + " tables");
                }
                if (i >= warmup) {
                    sum[0] += c1 - c0;
                    sum[1] += a1 - a0;
                    sum[2] += c2 - c1;
                    sum[3] += a2 - a1;
                    sum[4] += c3 - c2;
                    sum[5] += a3 - a2;
                }
            }
            double ms = 1e6 * runs;
            double mb = 1e6 * runs;
            System.out.println(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |", n,
                    sum[0] / ms, sum[1] / mb, sum[2] / ms, sum[3] / mb, sum[4] / ms, sum[5] / mb,
                    (sum[0] + sum[2] + sum[4]) / ms, (sum[1] + sum[3] + sum[5]) / mb));
        }
    }
}
