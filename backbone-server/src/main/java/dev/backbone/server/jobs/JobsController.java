package dev.backbone.server.jobs;

import dev.backbone.server.api.JobRoutes;
import dev.backbone.server.ratelimit.RouteLimit;
import dev.backbone.server.requestid.RequestIdFilter;
import dev.backbone.server.security.Guard;
import dev.backbone.server.security.Principal;
import redis.clients.jedis.exceptions.JedisException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/jobs}: the long routes (generate, design, review) as jobs that outlive the
 * request. A job is its owner's: the principal that submitted it (or {@code anonymous} without
 * authentication); another caller gets 404, as for a job that does not exist, unless its
 * credential has the {@code admin} scope (the API key has every scope).
 */
@RestController
@Tag(name = "Jobs")
class JobsController {

    private static final Logger log = LoggerFactory.getLogger(JobsController.class);
    static final String PATH = "/api/v1/jobs";

    private final JobRoutes routes;
    private final JobStore store;
    private final JobWorkers workers;
    private final JobMetrics metrics;
    private final int maxQueued;

    JobsController(JobRoutes routes, JobStore store, JobWorkers workers, JobMetrics metrics, JobsSettings settings) {
        this.routes = routes;
        this.store = store;
        this.workers = workers;
        this.metrics = metrics;
        this.maxQueued = settings.maxQueued();
    }

    /** What the controller needs of the settings. */
    record JobsSettings(int maxQueued) {}

    @PostMapping(PATH)
    @Guard(limit = RouteLimit.GENERATION)
    @Operation(summary = "Submit a job (generate, design or review)",
            description = "Body: {\"kind\": \"generate\"|\"design\"|\"review\", ...the route's body}. Answers 202 with the job "
                    + "and Location: /api/v1/jobs/{id}. The body is checked as the route checks it (400, 413, 415, 422 at once); "
                    + "the work runs on any replica. Needs the route's scope (generate for generate and design, validate for review).")
    ResponseEntity<?> submit(HttpServletRequest request) {
        JobRoutes.Submission s = routes.read(request);
        Principal p = principal(request);
        String scope = JobRoutes.scope(s.kind());
        if (p != null && !p.has(scope)) {
            return error(request, HttpStatus.FORBIDDEN, "Forbidden", "the token lacks the scope '" + scope + "' that a "
                    + s.kind() + " job needs");
        }
        String id = UUID.randomUUID().toString();
        Map<String, String> fields = Job.queued(s.kind(), owner(p), RequestIdFilter.current(request),
                dev.backbone.server.tracing.JobSpans.traceparent(), System.currentTimeMillis());
        try {
            if (store.queued() >= maxQueued) {
                return error(request, HttpStatus.SERVICE_UNAVAILABLE, "Queue full", "the jobs queue holds " + maxQueued
                        + " jobs (JOBS_MAX_QUEUED); retry later", "30");
            }
            store.submit(id, fields, s.body());
        } catch (JedisException e) {
            return unavailable(request, e);
        }
        metrics.submitted(s.kind()).increment();
        MDC.put("job_id", id);
        try {
            log.info("Job {} ({}) queued for {}", id, s.kind(), owner(p));
        } finally {
            MDC.remove("job_id");
        }
        // The job as accepted (queued, as documented), not re-read: a worker on any replica may
        // already have started it, and GET gives the live state.
        Job job = new Job(id, fields);
        return ResponseEntity.accepted().header(HttpHeaders.LOCATION, PATH + "/" + id).contentType(MediaType.APPLICATION_JSON)
                .body(JobView.of(job));
    }

    @GetMapping(PATH + "/{id}")
    @Guard
    @Operation(summary = "A job: state, progress by stage, and the result",
            description = "state is queued, running, succeeded, failed or cancelled; progress lists the stages with their state "
                    + "and duration; once finished, result_status and result are what the synchronous route answered. With "
                    + "Accept: application/zip a succeeded generate job answers its files as a zip (409 before it is finished).")
    ResponseEntity<?> get(@PathVariable("id") String id, HttpServletRequest request) {
        Job job;
        try {
            job = visible(id, request);
        } catch (JedisException e) {
            return unavailable(request, e);
        }
        if (job == null) {
            return notFound(request, id);
        }
        if (JobRoutes.wantsZip(request.getHeader(HttpHeaders.ACCEPT))) {
            return JobView.zip(job).orElseGet(() -> job.state().finished() || !"generate".equals(job.kind())
                    ? error(request, HttpStatus.NOT_ACCEPTABLE, "Not acceptable", "a zip is there only for a generate job "
                            + "that succeeded; this " + job.kind() + " job is " + job.state().wire())
                    : error(request, HttpStatus.CONFLICT, "Not ready", "the job is " + job.state().wire()
                            + "; its zip is there once it has succeeded"));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(JobView.of(job));
    }

    @DeleteMapping(PATH + "/{id}")
    @Guard
    @Operation(summary = "Cancel a job", description = "A queued job never runs; a running one is stopped and its result "
            + "dropped. 409 when the job is already finished.")
    ResponseEntity<?> cancel(@PathVariable("id") String id, HttpServletRequest request) {
        try {
            Job job = visible(id, request);
            if (job == null) {
                return notFound(request, id);
            }
            boolean cancelled = store.update(id, JobState.OPEN, Map.of("state", JobState.CANCELLED.wire(),
                    "finished_at", Long.toString(System.currentTimeMillis()), "error", "cancelled by the client"), true);
            Job now = store.find(id).orElse(job);
            if (!cancelled) {
                return error(request, HttpStatus.CONFLICT, "Already finished", "the job is " + now.state().wire()
                        + "; only a queued or running job can be cancelled");
            }
            metrics.finished(job.kind(), JobState.CANCELLED.wire()).increment();
            workers.cancelLocal(id);
            log.info("Job {} ({}) cancelled while {}", id, job.kind(), job.state().wire());
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(JobView.of(now));
        } catch (JedisException e) {
            return unavailable(request, e);
        }
    }

    /** The job if the caller may see it: its owner, or an admin. */
    private Job visible(String id, HttpServletRequest request) {
        if (id.length() > 64) {
            return null;
        }
        Job job = store.find(id).orElse(null);
        if (job == null) {
            return null;
        }
        Principal p = principal(request);
        boolean admin = p != null && (p.allScopes() || p.scopes().contains("admin"));
        return admin || owner(p).equals(job.owner()) ? job : null;
    }

    private static Principal principal(HttpServletRequest request) {
        return request.getAttribute(Principal.ATTRIBUTE) instanceof Principal p ? p : null;
    }

    private static String owner(Principal p) {
        return p == null ? "anonymous" : p.id();
    }

    private static ResponseEntity<Map<String, Object>> notFound(HttpServletRequest request, String id) {
        return error(request, HttpStatus.NOT_FOUND, "Not found", "no job " + (id.length() > 64 ? "with that id" : id)
                + " (it never existed, has expired, or belongs to another client)");
    }

    private static ResponseEntity<Map<String, Object>> unavailable(HttpServletRequest request, JedisException e) {
        log.warn("Jobs store unavailable: {}", dev.backbone.server.redis.RedisConnector.rootMessage(e));
        return error(request, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                "the jobs store (Redis) does not answer; retry later", "5");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpServletRequest request, HttpStatus status, String error,
            String message) {
        return error(request, status, error, message, null);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpServletRequest request, HttpStatus status, String error,
            String message, String retryAfter) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("error", error);
        b.put("message", message);
        b.put("request_id", RequestIdFilter.current(request));
        ResponseEntity.BodyBuilder r = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (retryAfter != null) {
            r.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return r.body(b);
    }
}
