package dev.backbone.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.backbone.server.config.Settings;
import dev.backbone.server.security.Guard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /} and {@code GET /api/v1/status}: what this service is and how it is configured. */
@RestController
@Tag(name = "Root")
class ServiceInfoController {

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
    @Guard(open = true)
    @Operation(summary = "API status and configuration")
    @Tag(name = "Generation")
    Status status() {
        return new Status("operational", settings.app().version(), settings.app().environment(),
                settings.security().enableAuth(), settings.metrics().enabled(), settings.security().enableRateLimiting(),
                rateLimits(settings.security().rateLimits()));
    }

    /** The configured limits as the earlier BackBone showed them ({@code "10/minute, 50/hour"}). */
    static Map<String, String> rateLimits(Settings.RateLimits l) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("generation", l.generationPerMinute() + "/minute, " + l.generationPerHour() + "/hour");
        m.put("validation", l.validationPerMinute() + "/minute");
        m.put("public", l.publicPerMinute() + "/minute");
        m.put("authenticated", l.authenticatedPerMinute() + "/minute");
        return m;
    }
}
