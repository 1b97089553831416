package dev.backbone.server.health;

import dev.backbone.agents.Agents;
import dev.backbone.server.config.Settings;
import dev.backbone.server.lifecycle.ServerState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the readiness components, the overall status (the worst of them; unhealthy while
 * shutting down), and tells observers (the {@code backbone_health_status} gauges) on every
 * evaluation and every 30 s, so the gauges stay current even when nobody probes.
 */
public final class HealthService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HealthService.class);

    /** The component reported while the server drains before shutdown. */
    static final String SERVER = "server";

    private final ServerState state;
    private final List<HealthCheck> checks;
    private final List<HealthObserver> observers;
    private final ScheduledExecutorService refresher;
    private volatile HealthStatus lastOverall;

    public HealthService(Settings settings, ServerState state, Agents agents, List<HealthCheck> extraChecks,
            List<HealthObserver> observers) {
        this.state = state;
        List<HealthCheck> all = new java.util.ArrayList<>(List.of(
                new LlmHealthCheck(agents), new ConfigHealthCheck(settings), new FilesystemHealthCheck(settings)));
        all.addAll(extraChecks);
        this.checks = List.copyOf(all);
        this.observers = List.copyOf(observers);
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "backbone-health-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, 30, TimeUnit.SECONDS);
    }

    /** A readiness evaluation: the components by name and the overall status. */
    public record Report(HealthStatus status, Map<String, ComponentHealth> components) {}

    public Report evaluate() {
        Map<String, ComponentHealth> components = new LinkedHashMap<>();
        HealthStatus overall = HealthStatus.HEALTHY;
        for (HealthCheck c : checks) {
            ComponentHealth h = c.run();
            components.put(h.name(), h);
            overall = overall.worse(h.status());
        }
        if (state.draining()) {
            components.put(SERVER, new ComponentHealth(SERVER, HealthStatus.UNHEALTHY,
                    "Shutting down: finishing in-flight requests, not accepting new work", 0.0,
                    Map.of("draining", true)));
            overall = HealthStatus.UNHEALTHY;
        }
        for (HealthObserver o : observers) {
            o.observed(components.values());
        }
        if (lastOverall != null && lastOverall != overall && !state.draining()) {
            log.warn("Readiness changed from {} to {}", lastOverall.wire(), overall.wire());
        }
        lastOverall = overall;
        return new Report(overall, components);
    }

    private void refresh() {
        try {
            evaluate();
        } catch (RuntimeException e) {
            log.warn("Periodic health evaluation failed: {}", e.toString());
        }
    }

    public ServerState state() {
        return state;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
