package dev.backbone.server.health;

import java.util.Map;

/**
 * One readiness component. Checks must be quick and must not call paid third-party APIs:
 * readiness is probed every few seconds, and a provider's hiccup must not take the service
 * out of a load balancer when the deterministic pipeline does not need it.
 */
public interface HealthCheck {

    String name();

    /** The outcome without timing; {@link #run()} adds {@code response_time_ms}. */
    Result check();

    /** What a check found. */
    record Result(HealthStatus status, String message, Map<String, Object> metadata) {}

    /** Runs the check, timing it; an exception is an unhealthy component, never a failed probe. */
    default ComponentHealth run() {
        long t0 = System.nanoTime();
        Result r;
        try {
            r = check();
        } catch (RuntimeException e) {
            r = new Result(HealthStatus.UNHEALTHY, name() + " check failed: " + e.getClass().getSimpleName(), Map.of());
        }
        double ms = Math.round((System.nanoTime() - t0) / 10_000.0) / 100.0;
        return new ComponentHealth(name(), r.status(), r.message(), ms, r.metadata());
    }
}
