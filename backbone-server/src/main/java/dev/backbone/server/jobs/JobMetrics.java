package dev.backbone.server.jobs;

import dev.backbone.server.api.JobRoutes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The {@code backbone_jobs_*} families (docs/monitoring.md): submissions and finished jobs by
 * kind and state, retries (jobs taken over from a replica that died), run time and time queued
 * as histograms, the queue depth (all replicas, when shared) and the jobs this replica runs.
 * Every series of the known kinds and states exists at zero from the start.
 */
final class JobMetrics {

    static final List<String> FINAL_STATES = List.of("succeeded", "failed", "cancelled");
    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(250), Duration.ofSeconds(1),
        Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(300),
        Duration.ofSeconds(900)};

    private final MeterRegistry registry;

    JobMetrics(MeterRegistry registry, Supplier<Number> queued, Supplier<Number> running, int concurrency) {
        this.registry = registry;
        for (String kind : JobRoutes.KINDS) {
            submitted(kind);
            retried(kind);
            duration(kind);
            wait(kind);
            for (String state : FINAL_STATES) {
                finished(kind, state);
            }
        }
        Gauge.builder("backbone_jobs_queued", () -> queued.get()).description("Jobs waiting for a worker (all replicas sharing the queue)")
                .register(registry);
        Gauge.builder("backbone_jobs_running", () -> running.get()).description("Jobs this replica runs now").register(registry);
        Gauge.builder("backbone_jobs_concurrency", () -> concurrency).description("Jobs this replica runs at most at once (JOBS_CONCURRENCY)")
                .register(registry);
    }

    Counter submitted(String kind) {
        return Counter.builder("backbone_jobs_submitted").description("Jobs submitted").tag("kind", kind).register(registry);
    }

    Counter finished(String kind, String state) {
        return Counter.builder("backbone_jobs_finished").description("Jobs finished, by final state")
                .tag("kind", kind).tag("state", state).register(registry);
    }

    Counter retried(String kind) {
        return Counter.builder("backbone_jobs_retried").description("Jobs taken over from a replica that stopped reporting")
                .tag("kind", kind).register(registry);
    }

    Timer duration(String kind) {
        return Timer.builder("backbone_jobs_duration").description("Run time of a job (one attempt)").tag("kind", kind)
                .serviceLevelObjectives(BUCKETS).register(registry);
    }

    Timer wait(String kind) {
        return Timer.builder("backbone_jobs_wait").description("Time from submission to the start of a job").tag("kind", kind)
                .serviceLevelObjectives(BUCKETS).register(registry);
    }

    void ran(String kind, long nanos) {
        duration(kind).record(nanos, TimeUnit.NANOSECONDS);
    }
}
