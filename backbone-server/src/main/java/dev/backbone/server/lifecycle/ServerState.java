package dev.backbone.server.lifecycle;

import java.time.Instant;

/**
 * Whether the service is shutting down. Set the moment the context starts closing (SIGTERM),
 * before anything stops, so readiness answers 503 while in-flight requests finish.
 */
public final class ServerState {

    private final Instant startedAt = Instant.now();
    private final long startedNanos = System.nanoTime();
    private volatile boolean draining;

    public boolean draining() {
        return draining;
    }

    void beginDraining() {
        draining = true;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public double uptimeSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
