package dev.backbone.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.ServerTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** With the provider's key set, every component is healthy (no call is made to the provider). */
@ServerTest
@TestPropertySource(properties = {"OPENAI_API_KEY=sk-test-0123456789abcdefghij", "APP_ENV=production"})
class HealthConfiguredTest {

    @LocalServerPort
    int port;

    @Test
    void readinessIsHealthy() {
        HttpResponse<String> r = new Http(port).get("/health/readiness");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode b = Json.parse(r.body());
        assertThat(b.get("status").asString()).isEqualTo("healthy");
        assertThat(b.get("environment").asString()).isEqualTo("production");
        JsonNode llm = b.get("components").get("llm");
        assertThat(llm.get("message").asString()).isEqualTo("LLM provider 'openai' configured");
        assertThat(llm.get("metadata").get("configured").asBoolean()).isTrue();
        assertThat(b.get("components").get("config").get("message").asString()).isEqualTo("Configuration valid");
        assertThat(r.body()).doesNotContain("sk-test-0123456789abcdefghij");
    }

    @Test
    void theHealthGaugesSayHealthy() {
        new Http(port).get("/health/readiness");
        String metrics = new Http(port).get("/metrics").body();
        assertThat(metrics).contains("backbone_health_status{component=\"llm\"} 1.0")
                .contains("backbone_health_status{component=\"config\"} 1.0")
                .contains("backbone_health_status{component=\"filesystem\"} 1.0");
    }
}
