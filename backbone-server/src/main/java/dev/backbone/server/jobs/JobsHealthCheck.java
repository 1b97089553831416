package dev.backbone.server.jobs;

import dev.backbone.server.health.HealthCheck;
import dev.backbone.server.health.HealthStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** The readiness component {@code jobs}: where jobs live and whether that store answers (Redis down is degraded). */
final class JobsHealthCheck implements HealthCheck {

    private final JobStore store;
    private final JobWorkers workers;
    private final int concurrency;

    JobsHealthCheck(JobStore store, JobWorkers workers, int concurrency) {
        this.store = store;
        this.workers = workers;
        this.concurrency = concurrency;
    }

    @Override
    public String name() {
        return "jobs";
    }

    @Override
    public Result check() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("backend", store.describe());
        meta.put("concurrency", concurrency);
        meta.put("running", workers.running());
        if (!store.available()) {
            return new Result(HealthStatus.DEGRADED, "The jobs store does not answer: submissions get 503 until it does "
                    + "(the synchronous routes are not affected)", meta);
        }
        meta.put("queued", store.queued());
        return new Result(HealthStatus.HEALTHY, "memory".equals(store.describe())
                ? "Jobs run in this replica (no REDIS_URL: other replicas cannot see them)" : "Jobs shared through Redis", meta);
    }
}
