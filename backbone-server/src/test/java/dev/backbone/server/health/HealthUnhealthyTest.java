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

/**
 * OUTPUT_DIR where no folder can be made ({@code /dev/null} is in the way; tests run as
 * root, so permissions would not stop them): filesystem unhealthy, readiness 503, gauge 0.
 */
@ServerTest
@TestPropertySource(properties = "OUTPUT_DIR=/dev/null/backbone-output")
class HealthUnhealthyTest {

    @LocalServerPort
    int port;

    @Test
    void readinessIs503WhenTheOutputDirIsNotWritable() {
        HttpResponse<String> r = new Http(port).get("/health/readiness");
        assertThat(r.statusCode()).isEqualTo(503);
        JsonNode b = Json.parse(r.body());
        assertThat(b.get("status").asString()).isEqualTo("unhealthy");
        JsonNode fs = b.get("components").get("filesystem");
        HealthApiTest.assertComponent(fs, "filesystem");
        assertThat(fs.get("status").asString()).isEqualTo("unhealthy");
        assertThat(fs.get("message").asString()).startsWith("OUTPUT_DIR '").contains("is not writable");
        assertThat(fs.get("metadata").get("writable").asBoolean()).isFalse();
        assertThat(new Http(port).get("/health/detailed").statusCode()).isEqualTo(503);
    }

    @Test
    void livenessAndBasicHealthStay200() {
        assertThat(new Http(port).get("/health/liveness").statusCode()).isEqualTo(200);
        assertThat(new Http(port).get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void theFilesystemGaugeIsZero() {
        new Http(port).get("/health/readiness");
        assertThat(new Http(port).get("/metrics").body()).contains("backbone_health_status{component=\"filesystem\"} 0.0")
                .contains("backbone_health_status{component=\"llm\"} 0.5");
    }
}
