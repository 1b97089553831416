package dev.backbone.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.ServerTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The guide's health shapes, without an LLM key configured (the default). */
@ServerTest
class HealthApiTest {

    @LocalServerPort
    int port;

    static void assertComponent(JsonNode c, String name) {
        assertThat(c.propertyNames()).containsExactly("name", "status", "message", "response_time_ms", "metadata");
        assertThat(c.get("name").asString()).isEqualTo(name);
        assertThat(c.get("status").asString()).isIn("healthy", "degraded", "unhealthy");
        assertThat(c.get("message").asString()).isNotBlank();
        assertThat(c.get("response_time_ms").isNumber()).isTrue();
        assertThat(c.get("metadata").isObject()).isTrue();
    }

    @Test
    void basicHealthTouchesNothing() {
        HttpResponse<String> r = new Http(port).get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode b = Json.parse(r.body());
        assertThat(b.propertyNames()).containsExactly("status", "app_name", "version", "environment");
        assertThat(b.get("status").asString()).isEqualTo("healthy");
        assertThat(b.get("app_name").asString()).isEqualTo("BackBone-AI");
        assertThat(b.get("environment").asString()).isEqualTo("development");
    }

    @Test
    void livenessIsAliveWithATimestamp() {
        HttpResponse<String> r = new Http(port).get("/health/liveness");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode b = Json.parse(r.body());
        assertThat(b.propertyNames()).containsExactly("status", "timestamp");
        assertThat(b.get("status").asString()).isEqualTo("alive");
        assertThat(b.get("timestamp").asDouble()).isCloseTo(System.currentTimeMillis() / 1000.0,
                org.assertj.core.data.Offset.offset(60.0));
        assertThat(r.body()).doesNotContain("E9");
    }

    @Test
    void readinessWithoutAnLlmKeyIsDegradedAnd200() {
        HttpResponse<String> r = new Http(port).get("/health/readiness");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode b = Json.parse(r.body());
        assertThat(b.propertyNames()).containsExactly("status", "timestamp", "uptime_seconds", "version", "environment", "components");
        assertThat(b.get("status").asString()).isEqualTo("degraded");
        assertThat(b.get("uptime_seconds").asDouble()).isPositive();
        JsonNode components = b.get("components");
        assertThat(components.propertyNames()).contains("llm", "config", "filesystem");
        assertComponent(components.get("llm"), "llm");
        assertComponent(components.get("config"), "config");
        assertComponent(components.get("filesystem"), "filesystem");
        JsonNode llm = components.get("llm");
        assertThat(llm.get("status").asString()).isEqualTo("degraded");
        assertThat(llm.get("message").asString()).contains("openai").contains("OPENAI_API_KEY");
        assertThat(llm.get("metadata").get("provider").asString()).isEqualTo("openai");
        assertThat(llm.get("metadata").get("configured").asBoolean()).isFalse();
        assertThat(components.get("config").get("status").asString()).isEqualTo("degraded");
        assertThat(components.get("config").get("message").asString()).contains("OPENAI_API_KEY not set");
        JsonNode fs = components.get("filesystem");
        assertThat(fs.get("status").asString()).isEqualTo("healthy");
        assertThat(fs.get("message").asString()).isEqualTo("Filesystem accessible and writable");
        assertThat(fs.get("metadata").get("writable").asBoolean()).isTrue();
    }

    @Test
    void detailedAddsJvmThreadsDiskBuildUptimeAndWorkflows() {
        HttpResponse<String> r = new Http(port).get("/health/detailed");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode b = Json.parse(r.body());
        assertThat(b.propertyNames()).contains("status", "timestamp", "uptime_seconds", "version", "environment", "components", "details");
        JsonNode d = b.get("details");
        assertThat(d.propertyNames()).contains("jvm", "threads", "disk", "build", "uptime_seconds", "active_workflows", "process");
        assertThat(d.get("jvm").get("heap_used_bytes").asLong()).isPositive();
        assertThat(d.get("threads").get("live").asInt()).isPositive();
        assertThat(d.get("disk").get("output_dir").get("usable_bytes").asLong()).isPositive();
        assertThat(d.get("build").get("version").asString()).isNotBlank();
        assertThat(d.get("active_workflows").get("generation").asInt()).isGreaterThanOrEqualTo(0);
    }
}
