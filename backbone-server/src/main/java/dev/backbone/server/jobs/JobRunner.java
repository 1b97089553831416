package dev.backbone.server.jobs;

import dev.backbone.server.api.JobRoutes;
import dev.backbone.server.requestid.RequestIds;
import dev.backbone.server.tracing.JobSpans;
import dev.backbone.server.tracing.TracingService;
import io.opentelemetry.api.trace.Span;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one job on the current (worker) thread: takes it from {@code queued} (or from
 * {@code running}, when taken over from a replica that died) to {@code running}, runs the
 * route's work with its progress recorded, and stores the result. Log lines written meanwhile
 * carry {@code job_id} and the submitting request's {@code request_id} in the MDC. A job
 * cancelled meanwhile keeps {@code cancelled}: the store refuses to overwrite a finished job.
 * With tracing on, the work is a {@code job <kind>} span in the submitting request's trace
 * ({@link JobSpans}), on whichever replica runs it.
 */
final class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Attempts at most; a job whose replicas keep dying fails instead of taking one down after another. */
    static final int MAX_ATTEMPTS = 3;

    private final JobStore store;
    private final JobRoutes routes;
    private final JobMetrics metrics;
    private final String replica;
    private final TracingService tracing;

    JobRunner(JobStore store, JobRoutes routes, JobMetrics metrics, String replica, TracingService tracing) {
        this.store = store;
        this.routes = routes;
        this.metrics = metrics;
        this.replica = replica;
        this.tracing = tracing;
    }

    /** Runs the delivered job if it is still open; returns once the job is stored as finished (or was not to run). */
    void run(JobStore.Delivery d) {
        Job job = d.jobId() == null ? null : store.find(d.jobId()).orElse(null);
        if (job == null || job.state().finished()) {
            return;
        }
        MDC.put("job_id", job.id());
        if (!job.requestId().isEmpty()) {
            MDC.put(RequestIds.MDC_KEY, job.requestId());
        }
        try {
            if (d.retried()) {
                metrics.retried(job.kind()).increment();
                log.warn("Job {} ({}) taken over from replica {} after it stopped reporting (attempt {})", job.id(), job.kind(),
                        job.get("replica"), job.attempts() + 1);
            }
            if (job.attempts() >= MAX_ATTEMPTS) {
                finish(job, "failed", 500, JobRoutes.internalError(job.id()), "gave up after " + MAX_ATTEMPTS + " attempts");
                return;
            }
            long now = System.currentTimeMillis();
            if (!store.update(job.id(), JobState.OPEN, Map.of("state", "running", "started_at", Long.toString(now),
                    "replica", replica, "attempts", Integer.toString(job.attempts() + 1)), false)) {
                return;
            }
            if (!d.retried()) {
                metrics.wait(job.kind()).record(Math.max(0, now - job.millis("created_at")), TimeUnit.MILLISECONDS);
            }
            String body = store.body(job.id()).orElse(null);
            if (body == null) {
                return;
            }
            execute(job, body);
        } finally {
            MDC.remove("job_id");
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private void execute(Job job, String body) {
        log.info("Job {} ({}) started", job.id(), job.kind());
        JobProgress.Tracker tracker = new JobProgress.Tracker(steps -> publish(job.id(), steps));
        JobProgress.attach(tracker);
        long t0 = System.nanoTime();
        JobRoutes.Outcome out;
        try {
            out = JobSpans.run(tracing, job.get("traceparent"), job.kind(), job.id(), job.attempts() + 1, () -> {
                JobRoutes.Outcome o = routes.run(job.kind(), body);
                Span.current().setAttribute("backbone.job.result_status", (long) o.status());
                return o;
            });
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                log.info("Job {} stopped: it was cancelled", job.id());
                return;
            }
            log.error("Job {} ({}) failed unexpectedly", job.id(), job.kind(), e);
            out = new JobRoutes.Outcome(500, JobRoutes.internalError(job.id()));
        } finally {
            JobProgress.detach();
            metrics.ran(job.kind(), System.nanoTime() - t0);
        }
        String state = out.status() < 400 ? "succeeded" : "failed";
        Object message = out.body() instanceof Map<?, ?> m ? m.get("message") : null;
        if (finish(job, state, out.status(), out.body(), message == null ? "" : message.toString(), tracker.snapshot())) {
            log.info("Job {} ({}) {} with status {} in {} ms", job.id(), job.kind(), state, out.status(),
                    (System.nanoTime() - t0) / 1_000_000);
        } else {
            log.info("Job {} ({}) finished after it was cancelled; its result is dropped", job.id(), job.kind());
        }
    }

    private void publish(String id, List<Map<String, Object>> steps) {
        try {
            store.update(id, "running", Map.of("progress", JSON.writeValueAsString(steps)), false);
        } catch (RuntimeException e) {
            log.debug("Job {}: progress not stored ({})", id, e.toString());
        }
    }

    private boolean finish(Job job, String state, int status, Object body, String error) {
        return finish(job, state, status, body, error, List.of());
    }

    private boolean finish(Job job, String state, int status, Object body, String error, List<Map<String, Object>> steps) {
        Map<String, String> f = new java.util.HashMap<>();
        f.put("state", state);
        f.put("finished_at", Long.toString(System.currentTimeMillis()));
        f.put("result_status", Integer.toString(status));
        f.put("result", JSON.writeValueAsString(body));
        f.put("error", error);
        if (!steps.isEmpty()) {
            f.put("progress", JSON.writeValueAsString(steps));
        }
        boolean done = store.update(job.id(), JobState.OPEN, f, true);
        if (done) {
            metrics.finished(job.kind(), state).increment();
        }
        return done;
    }
}
