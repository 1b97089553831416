package dev.backbone.bench;

import java.util.Locale;
import java.util.Random;

/**
 * The machine's memory hierarchy, seen from Java: the time of one dependent load when the data
 * touched spans 1 MB to 128 MB (a random cycle through one int per cache line, so neither the
 * prefetcher nor out-of-order execution can hide the latency).
 *
 * <p>It explains the one figure of {@code ValidatePlanBenchmark} that is not linear: the model of
 * a 1,000-table document fits in what the processor caches, the model of a 10,000-table one does
 * not, and each pass of the validator and the architect over it then waits on main memory. See
 * docs/performance.md.
 *
 * <p>{@code java -cp backbone-bench/target/benchmarks.jar dev.backbone.bench.MemoryLatency}
 */
public final class MemoryLatency {

    private static final int LOADS = 2_000_000;
    static volatile int sink;

    private MemoryLatency() {}

    public static void main(String[] args) {
        System.out.println("| working set | ns per dependent load |");
        System.out.println("|---:|---:|");
        for (int mb : new int[] {1, 2, 4, 8, 16, 32, 64, 128}) {
            int[] next = cycle(mb * 1024 * 1024 / Integer.BYTES);
            int p = 0;
            long best = Long.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < LOADS; i++) {
                    p = next[p];
                }
                best = Math.min(best, System.nanoTime() - t0);
            }
            sink = p; // the loads must not be optimised away
            System.out.println(String.format(Locale.ROOT, "| %d MB | %.1f |", mb, (double) best / LOADS));
        }
    }

    /** One random cycle through every 16th slot (one per 64-byte line), seeded so runs compare. */
    private static int[] cycle(int slots) {
        int lines = slots / 16;
        int[] order = new int[lines];
        for (int i = 0; i < lines; i++) {
            order[i] = i;
        }
        Random rnd = new Random(1);
        for (int i = lines - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] next = new int[slots];
        for (int i = 0; i < lines; i++) {
            next[order[i] * 16] = order[(i + 1) % lines] * 16;
        }
        return next;
    }
}
