package dev.backbone.core.workflow;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * Independent pieces of one stage run on several threads: the calling thread takes pieces from a
 * shared queue, and so do the helpers it asks for from the common pool. Results come back in the
 * pieces' order whoever ran them, so the output does not depend on the schedule; the caller never
 * waits for a helper to start (with no helper free it runs every piece itself). Pieces only
 * compute (or write files): listener calls stay on the workflow's thread.
 */
public final class Parallel {

    /** A piece's result or what it threw, and how long it ran. */
    public record Done<T>(T value, Throwable error, long nanos) {

        /** The value, or what the piece threw, thrown again. */
        public T get() {
            if (error instanceof RuntimeException e) {
                throw e;
            }
            if (error instanceof Error e) {
                throw e;
            }
            return value;
        }
    }

    private Parallel() {}

    /**
     * Helpers for pieces of Java work: the cores beyond two. In a fresh JVM, as every CLI run
     * is, the JIT compilers need a core of their own; on the 2-core machine, rendering 200
     * tables on both cores spent 2.6 times as long in the interpreter (the compilers fell
     * behind) and ended no sooner than one thread (docs/performance.md), so there the caller
     * works alone.
     */
    public static int computeHelpers() {
        return Math.max(0, Math.min(ForkJoinPool.getCommonPoolParallelism(), Runtime.getRuntime().availableProcessors() - 2));
    }

    /**
     * Runs the pieces with up to {@code helpers} threads beside the caller, taking them in
     * {@code order} (indexes into {@code pieces}; the longest first balances best).
     */
    public static <T> List<Done<T>> run(List<Supplier<T>> pieces, List<Integer> order, int helpers) {
        int n = pieces.size();
        AtomicReferenceArray<Done<T>> done = new AtomicReferenceArray<>(n);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(n);
        Runnable worker = () -> {
            for (int k = next.getAndIncrement(); k < n; k = next.getAndIncrement()) {
                int i = order.get(k);
                long t0 = System.nanoTime();
                try {
                    done.set(i, new Done<>(pieces.get(i).get(), null, System.nanoTime() - t0));
                } catch (RuntimeException | Error e) {
                    done.set(i, new Done<>(null, e, System.nanoTime() - t0));
                } finally {
                    finished.countDown();
                }
            }
        };
        for (int h = 0; h < Math.min(n - 1, helpers); h++) {
            ForkJoinPool.commonPool().execute(worker);
        }
        worker.run();
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering", e);
        }
        @SuppressWarnings("unchecked")
        Done<T>[] out = new Done[n];
        Arrays.setAll(out, done::get);
        return List.of(out);
    }
}
