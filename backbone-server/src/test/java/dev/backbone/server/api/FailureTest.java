package dev.backbone.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.ServerTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** An unexpected exception (the test-only /test/boom) is a 500 that tells nothing about the internals. */
@ServerTest
class FailureTest {

    @LocalServerPort
    int port;

    @Test
    void anUnexpectedErrorIs500WithTheRequestIdAndNoStackTrace() throws IOException {
        HttpResponse<String> r = new Http(port).get("/test/boom", "X-Request-ID", "boom-1");
        assertThat(r.statusCode()).isEqualTo(500);
        JsonNode b = Json.parse(r.body());
        assertThat(b.propertyNames()).containsExactly("error", "message", "request_id");
        assertThat(b.get("error").asString()).isEqualTo("Internal server error");
        assertThat(b.get("request_id").asString()).isEqualTo("boom-1");
        assertThat(b.get("message").asString()).contains("boom-1");
        assertThat(r.body()).doesNotContain("IllegalStateException").doesNotContain("hunter2").doesNotContain("at dev.")
                .doesNotContain("exploded");
        List<String> log = Files.readAllLines(Path.of("target/test-logs/app.log"));
        assertThat(log).anySatisfy(l -> assertThat(l).contains("[req=boom-1] Unexpected error serving GET /test/boom"));
        assertThat(String.join("\n", log)).contains("IllegalStateException").doesNotContain("hunter2");
    }

    @Test
    void unknownPathsAre404Json() {
        HttpResponse<String> r = new Http(port).get("/api/v1/nothing-here");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode b = Json.parse(r.body());
        assertThat(b.get("error").asString()).isEqualTo("Not found");
        assertThat(b.get("message").asString()).contains("/api/v1/nothing-here");
    }
}
