package dev.backbone.server.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.ServerTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * X-Request-ID on every response, kept when well formed, in error bodies, and on the log lines
 * written while serving the request, the workflow's own lines included (DEBUG=true makes the
 * validation workflow log its steps).
 */
@ServerTest
@TestPropertySource(properties = "DEBUG=true")
class RequestIdTest {

    static final Path APP_LOG = Path.of("target/test-logs/app.log");

    @LocalServerPort
    int port;

    @Test
    void aWellFormedClientIdIsKept() {
        HttpResponse<String> r = new Http(port).get("/health", "X-Request-ID", "client-id_1.2:3");
        assertThat(r.headers().firstValue("X-Request-ID")).hasValue("client-id_1.2:3");
    }

    @Test
    void aMalformedClientIdIsReplacedByAUuid() {
        for (String bad : List.of("has space", "x".repeat(129), "quote\"d", "semi;colon")) {
            HttpResponse<String> r = new Http(port).get("/health", "X-Request-ID", bad);
            String id = r.headers().firstValue("X-Request-ID").orElseThrow();
            assertThat(id).isNotEqualTo(bad);
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        }
    }

    @Test
    void everyResponseCarriesAnIdIncludingErrors() {
        Http http = new Http(port);
        List<HttpResponse<String>> all = List.of(http.get("/"), http.get("/health/readiness"), http.get("/metrics"),
                http.get("/nowhere"), http.post("/api/v1/validate", "{"), http.post("/api/v1/validate", "{\"schema\": {}}"),
                http.get("/test/boom"), http.get("/docs"));
        for (HttpResponse<String> r : all) {
            assertThat(r.headers().firstValue("X-Request-ID")).as("%s %s", r.request().uri(), r.statusCode()).isPresent();
        }
        HttpResponse<String> notFound = http.get("/nowhere", "X-Request-ID", "nf-1");
        assertThat(Json.parse(notFound.body()).get("request_id").asString()).isEqualTo("nf-1");
    }

    @Test
    void theIdIsOnTheRequestsLogLinesIncludingTheWorkflows() throws IOException {
        String id = "log-" + UUID.randomUUID();
        HttpResponse<String> r = new Http(port).post("/api/v1/validate", Examples.request("blog_schema.json"),
                "Content-Type", "application/json", "X-Request-ID", id);
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> lines = Files.readAllLines(APP_LOG).stream().filter(l -> l.contains(id)).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("Starting workflow validation"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("Stage validate succeeded"));
        assertThat(lines).allSatisfy(l -> assertThat(l)
                .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} \\| (DEBUG|INFO|WARNING|ERROR|CRITICAL) *\\| "
                        + "[\\w.$]+:[\\w$<>]+:\\d+ - \\[req=" + id + "] .*"));
    }
}
