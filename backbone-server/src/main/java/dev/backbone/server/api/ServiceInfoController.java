package dev.backbone.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.backbone.server.config.Settings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /} and {@code GET /api/v1/status}: what this service is and how it is configured. */
@RestController
@Tag(name = "Root")
class ServiceInfoController {

    /** The contract's rate-limit descriptions (enforcement is the rate-limit feature's). */
    static final Map<String, String> RATE_LIMITS = Map.of("generation", "10/minute, 50/hour", "validation", "50/minute");

    private final Settings settings;

    ServiceInfoController(Settings settings) {
        this.settings = settings;
    }

    record Root(
            @JsonProperty("message") String message,
            @JsonProperty("version") String version,
            @JsonProperty("docs") String docs,
            @JsonProperty("health") String health) {}

    record Status(
            @JsonProperty("status") String status,
            @JsonProperty("version") String version,
            @JsonProperty("environment") String environment,
            @JsonProperty("authentication_enabled") boolean authenticationEnabled,
            @JsonProperty("metrics_enabled") boolean metricsEnabled,
            @JsonProperty("rate_limiting_enabled") boolean rateLimitingEnabled,
            @JsonProperty("rate_limits") Map<String, String> rateLimits) {}

    @GetMapping("/")
    @Operation(summary = "API information")
    Root root() {
        return new Root("Welcome to " + settings.app().name(), settings.app().version(), "/docs", "/health");
    }

    @GetMapping("/api/v1/status")
    @Operation(summary = "API status and configuration")
    @Tag(name = "Generation")
    Status status() {
        return new Status("operational", settings.app().version(), settings.app().environment(),
                settings.security().enableAuth(), settings.metrics().enabled(), settings.security().enableRateLimiting(),
                RATE_LIMITS);
    }
}
