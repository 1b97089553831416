package dev.backbone.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.ChildJvm;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** LOG_FORMAT=json and LOG_DIR: one JSON object per line in LOG_DIR/app.log, with the request id; secrets redacted. */
class JsonLogProcessTest {

    @TempDir
    Path work;

    @Test
    void jsonLinesWithRequestIds() throws Exception {
        int port = ChildJvm.freePort();
        Process p = ChildJvm.start(work, Map.of("API_HOST", "127.0.0.1", "API_PORT", Integer.toString(port),
                "LOG_FORMAT", "json", "LOG_DIR", "custom-logs", "BACKBONE_TEST_FAULTS", "true",
                "OPENAI_API_KEY", "sk-json-log-secret-0123456789"), work.resolve("out.txt"), work.resolve("err.txt"));
        try {
            Http http = new Http(port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (true) {
                try {
                    if (http.get("/health/liveness").statusCode() == 200) {
                        break;
                    }
                } catch (RuntimeException notYet) {
                    assertThat(p.isAlive()).isTrue();
                    assertThat(System.nanoTime()).isLessThan(deadline);
                    Thread.sleep(50);
                }
            }
            assertThat(http.get("/test/boom", "X-Request-ID", "json-req-1").statusCode()).isEqualTo(500);
            Path log = work.resolve("custom-logs/app.log");
            List<String> lines = Files.readAllLines(log);
            assertThat(lines).isNotEmpty();
            JsonNode boom = null;
            JsonNode access = null;
            for (String line : lines) {
                JsonNode n = Json.parse(line);
                assertThat(n.propertyNames()).contains("timestamp", "level", "logger", "message");
                if (n.has("request_id") && n.get("request_id").asString().equals("json-req-1")) {
                    if (n.get("logger").asString().equals(AccessLogFilter.LOGGER)) {
                        access = n;
                    } else {
                        boom = n;
                    }
                }
            }
            assertThat(boom).isNotNull();
            assertThat(access).isNotNull();
            assertThat(access.get("level").asString()).isEqualTo("INFO");
            assertThat(access.get("message").asString()).startsWith("GET /test/boom 500 ");
            assertThat(boom.get("level").asString()).isEqualTo("ERROR");
            assertThat(boom.get("exception").asString()).contains("IllegalStateException").doesNotContain("hunter2");
            assertThat(Files.readString(log)).doesNotContain("sk-json-log-secret-0123456789");
            assertThat(ChildJvm.read(work.resolve("out.txt")).lines().filter(l -> !l.isBlank()).toList())
                    .allSatisfy(l -> assertThat(l).startsWith("{").endsWith("}"));
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
