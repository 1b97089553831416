package dev.backbone.server.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.PromText;
import dev.backbone.server.support.ServerTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Tracing on with nothing listening at the collector's address: requests answer as usual (the
 * export is asynchronous), the spans that could not be delivered are counted as dropped on
 * {@code /health/detailed} and in {@code backbone_tracing_spans_dropped_total}.
 */
@ServerTest
@TestPropertySource(properties = "backbone.env-file=target/collector-down-test.env")
class CollectorDownTest {

    static {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int closed = s.getLocalPort();
            Files.writeString(Path.of("target/collector-down-test.env"), "OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:" + closed
                    + "\nOTEL_BSP_SCHEDULE_DELAY=50\nOTEL_EXPORTER_OTLP_TIMEOUT=500\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @Test
    void requestsSucceedAndTheUndeliveredSpansAreCounted() throws InterruptedException, IOException {
        Http http = new Http(port);
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = http.post("/api/v1/validate", Examples.request("simple_schema.json"),
                    "Content-Type", "application/json");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("traceparent")).isPresent();
        }
        long dropped = 0;
        for (int i = 0; i < 100 && dropped == 0; i++) {
            Thread.sleep(100);
            JsonNode t = Json.parse(http.get("/health/detailed").body()).at("/details/tracing");
            assertThat(t.get("enabled").asBoolean()).isTrue();
            assertThat(t.get("spans_exported").asLong()).isZero();
            dropped = t.get("spans_dropped").asLong();
        }
        assertThat(dropped).isPositive();
        PromText metrics = PromText.parse(http.get("/metrics").body());
        assertThat(metrics.sum("backbone_tracing_spans_dropped_total", java.util.Map.of())).isPositive();
        String log = Files.readString(Path.of("target/test-logs/app.log"));
        assertThat(log).contains("Tracing export to collector 127.0.0.1:").doesNotContain("HttpExporter");
    }
}
