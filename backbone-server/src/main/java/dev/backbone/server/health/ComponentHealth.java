package dev.backbone.server.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One component of the readiness report, exactly the guide's shape:
 * {@code {name, status, message, response_time_ms, metadata}}.
 */
public record ComponentHealth(
        @JsonProperty("name") String name,
        @JsonProperty("status") HealthStatus status,
        @JsonProperty("message") String message,
        @JsonProperty("response_time_ms") double responseTimeMs,
        @JsonProperty("metadata") Map<String, Object> metadata) {

    public ComponentHealth {
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }
}
