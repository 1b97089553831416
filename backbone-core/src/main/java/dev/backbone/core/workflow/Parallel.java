package dev.backbone.core.workflow;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * Independent pieces of one stage run on the machine's cores: the calling thread takes pieces
 * from a shared queue, and so do up to {@code cores - 1} helpers of the common pool. Results come
 * back in the pieces' order whoever ran them, so the output does not depend on the schedule; the
 * caller never waits for a helper to start (with no helper free it runs every piece itself).
 * Pieces only compute: listener calls stay on the workflow's thread.
 */
final class Parallel {

    /** A piece's result or what it threw, and how long it ran. */
    record Done<T>(T value, Throwable error, long nanos) {

        T get() {
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

    /** Runs the pieces, taking them in {@code order} (indexes into {@code pieces}; the longest first balances best). */
    static <T> List<Done<T>> run(List<Supplier<T>> pieces, List<Integer> order) {
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
        int helpers = Math.min(n - 1, ForkJoinPool.getCommonPoolParallelism());
        for (int h = 0; h < helpers; h++) {
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
