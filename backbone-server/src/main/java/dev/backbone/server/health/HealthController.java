package dev.backbone.server.health;

import dev.backbone.server.config.Settings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.management.ManagementFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The guide's four health routes. */
@RestController
@Tag(name = "Health")
class HealthController {

    private final Settings settings;
    private final HealthService health;
    private final Diagnostics diagnostics;

    HealthController(Settings settings, HealthService health, Diagnostics diagnostics) {
        this.settings = settings;
        this.health = health;
        this.diagnostics = diagnostics;
    }

    @GetMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Basic health check", description = "Answers while the process serves HTTP; touches no dependency.")
    HealthResponses.Basic basic() {
        return new HealthResponses.Basic("healthy", settings.app().name(), settings.app().version(), settings.app().environment());
    }

    @GetMapping(path = "/health/liveness", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Liveness probe", description = "200 alive; 503 dead (a thread deadlock): restart the process.")
    ResponseEntity<HealthResponses.Liveness> liveness() {
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        if (deadlocked != null && deadlocked.length > 0) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(new HealthResponses.Liveness("dead", null, deadlocked.length + " deadlocked thread(s)"));
        }
        return ResponseEntity.ok(new HealthResponses.Liveness("alive", now(), null));
    }

    @GetMapping(path = "/health/readiness", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Readiness probe", description = "200 when healthy or degraded, 503 when unhealthy or shutting down.")
    ResponseEntity<HealthResponses.Readiness> readiness() {
        HealthService.Report r = health.evaluate();
        return ResponseEntity.status(code(r.status())).body(new HealthResponses.Readiness(r.status(), now(),
                health.state().uptimeSeconds(), settings.app().version(), settings.app().environment(), r.components()));
    }

    @GetMapping(path = "/health/detailed", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Detailed health check",
            description = "Readiness plus JVM, threads, disk, build, process and active workflows; same status code as readiness.")
    ResponseEntity<HealthResponses.Detailed> detailed() {
        HealthService.Report r = health.evaluate();
        return ResponseEntity.status(code(r.status())).body(new HealthResponses.Detailed(r.status(), now(),
                health.state().uptimeSeconds(), settings.app().version(), settings.app().environment(), r.components(),
                diagnostics.collect()));
    }

    private static HttpStatus code(HealthStatus s) {
        return s == HealthStatus.UNHEALTHY ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK;
    }

    /** Seconds since the epoch with milliseconds, written plainly ({@code 1704000000.123}, not {@code 1.704E9}). */
    private static java.math.BigDecimal now() {
        return java.math.BigDecimal.valueOf(System.currentTimeMillis(), 3);
    }
}
