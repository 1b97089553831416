package dev.backbone.server.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service instance in its own JVM on a random loopback port, for the tests of several
 * replicas sharing one Redis. {@link #kill()} is {@code SIGKILL}: the replica dies mid-work
 * with no shutdown hook, as a crashed pod does.
 */
public final class Replica implements AutoCloseable {

    private final Process process;
    private final Path dir;
    public final int port;
    public final Http http;

    private Replica(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.http = new Http(port);
    }

    /** Starts the replica and waits (up to 120 s) until readiness answers. */
    public static Replica start(Path dir, Map<String, String> env) {
        int port = ChildJvm.freePort();
        Map<String, String> all = new HashMap<>(Map.of("API_HOST", "127.0.0.1", "API_PORT", Integer.toString(port),
                "DEFAULT_LLM_PROVIDER", "ollama", "LOG_LEVEL", "INFO"));
        all.putAll(env);
        Process p = ChildJvm.start(dir, all, dir.resolve("stdout.txt"), dir.resolve("stderr.txt"));
        Replica r = new Replica(p, dir, port);
        r.awaitReady();
        return r;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("replica exited: " + ChildJvm.read(dir.resolve("stderr.txt"))
                        + ChildJvm.read(dir.resolve("stdout.txt")));
            }
            try {
                int s = http.get("/health/readiness").statusCode();
                if (s == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("replica not ready within 120 s: " + ChildJvm.read(dir.resolve("stdout.txt")));
            }
            sleep(100);
        }
    }

    /** What the replica logged so far. */
    public String log() {
        return ChildJvm.read(dir.resolve("stdout.txt")) + ChildJvm.read(dir.resolve("stderr.txt"));
    }

    /** The process id (what a job's {@code replica} field starts with: {@code <pid>@<host>-...}). */
    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, and wait until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
