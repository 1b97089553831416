package dev.backbone.cli.daemon;

import dev.backbone.core.schema.SyntheticSchemas;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.verify.CodeValidator;
import dev.backbone.core.verify.VerifyMode;
import dev.backbone.core.workflow.GenerateRequest;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A new daemon's JIT warm-up, while nobody waits for it: a synthetic schema of {@link #TABLES}
 * tables ({@link SyntheticSchemas}, shaped like real ones) generated in memory with the default
 * verification, {@link #ROUNDS} times (the first three of 3 tables, so that a user's second
 * command, typically a generate after a validate, finds its classes loaded). Without it the
 * daemon's first ~15 large commands each paid the C2 compiler's work (a 200-table {@code generate} went from 2 s to 0.7 s over them,
 * 1,500 compilations in the first; a blog-sized training left most of them;
 * docs/performance.md). A round begins only after {@link #QUIET_MS} without a command, so
 * commands typed or scripted back to back never wait for one; at most the round in flight
 * shares the cores with a command that arrives during it. Nothing is written and nothing
 * printed; the daemon's log says when it is done.
 */
final class Warmup implements Runnable {

    static final int ROUNDS = Integer.getInteger("backbone.daemon.warmup.rounds", 24);
    static final int TABLES = Integer.getInteger("backbone.daemon.warmup.tables", 50);
    static final long QUIET_MS = 500;
    private static final int SMALL_ROUNDS = 3;
    private static final int SMALL_TABLES = 3;

    private final int rounds;
    private final int tables;
    private final LongSupplier quietForMs;
    private final AtomicInteger done = new AtomicInteger();
    private volatile boolean finished;

    /**
     * @param rounds     generates to run
     * @param tables     tables of the synthetic schema
     * @param quietForMs how long the daemon has been without a command (0 while one runs)
     */
    Warmup(int rounds, int tables, LongSupplier quietForMs) {
        this.rounds = rounds;
        this.tables = tables;
        this.quietForMs = quietForMs;
    }

    /** Starts the warm-up on a thread of its own. */
    static Warmup start(LongSupplier quietForMs) {
        Warmup w = new Warmup(ROUNDS, TABLES, quietForMs);
        Thread t = new Thread(w, "backbone-daemon-warmup");
        t.setDaemon(true);
        t.start();
        return w;
    }

    @Override
    public void run() {
        long t0 = System.nanoTime();
        try {
            // the first rounds small: every class of a generate loaded within a second of the start
            GenerateRequest small = request(Math.min(tables, SMALL_TABLES));
            GenerateRequest large = request(tables);
            for (int i = 0; i < rounds; i++) {
                while (quietForMs.getAsLong() < QUIET_MS) {
                    Thread.sleep(QUIET_MS / 5);
                }
                new Workflow(new CodeValidator()).generate(i < SMALL_ROUNDS ? small : large, WorkflowListener.NONE);
                done.incrementAndGet();
            }
            DaemonServer.log("warmed up: " + done.get() + " in-memory generates of " + tables + " tables, "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms after the start");
        } catch (RuntimeException e) {
            DaemonServer.log("warm-up stopped after " + done.get() + " rounds: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finished = true;
        }
    }

    private static GenerateRequest request(int tables) {
        return new GenerateRequest("warm-up", SyntheticSchemas.generate(tables), GenerateRequest.DEFAULT_TARGETS, null,
                VerifyMode.FAST, Limits.DEFAULTS, false);
    }

    /** For {@code daemon status}: {@code warming up 3/24} while it runs, {@code warm} after. */
    String state() {
        return finished ? "warm" : "warming up " + done.get() + "/" + rounds;
    }
}
