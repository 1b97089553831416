package dev.backbone.server.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The guide's health bodies, field for field. */
final class HealthResponses {

    private HealthResponses() {}

    /** {@code GET /health}. */
    record Basic(
            @JsonProperty("status") String status,
            @JsonProperty("app_name") String appName,
            @JsonProperty("version") String version,
            @JsonProperty("environment") String environment) {}

    /** {@code GET /health/liveness}: {@code alive} with a timestamp, or {@code dead}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Liveness(
            @JsonProperty("status") String status,
            @JsonProperty("timestamp") java.math.BigDecimal timestamp,
            @JsonProperty("message") String message) {}

    /** {@code GET /health/readiness}. */
    record Readiness(
            @JsonProperty("status") HealthStatus status,
            @JsonProperty("timestamp") java.math.BigDecimal timestamp,
            @JsonProperty("uptime_seconds") double uptimeSeconds,
            @JsonProperty("version") String version,
            @JsonProperty("environment") String environment,
            @JsonProperty("components") Map<String, ComponentHealth> components) {}

    /** {@code GET /health/detailed}: readiness plus {@code details} for debugging. */
    record Detailed(
            @JsonProperty("status") HealthStatus status,
            @JsonProperty("timestamp") java.math.BigDecimal timestamp,
            @JsonProperty("uptime_seconds") double uptimeSeconds,
            @JsonProperty("version") String version,
            @JsonProperty("environment") String environment,
            @JsonProperty("components") Map<String, ComponentHealth> components,
            @JsonProperty("details") Map<String, Object> details) {}
}
