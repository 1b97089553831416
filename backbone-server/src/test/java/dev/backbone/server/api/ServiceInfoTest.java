package dev.backbone.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.ServerTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code /}, {@code /api/v1/status}, {@code /docs} and the OpenAPI document. */
@ServerTest
class ServiceInfoTest {

    @LocalServerPort
    int port;

    @Test
    void rootNamesTheDocsAndHealth() {
        JsonNode b = Json.parse(new Http(port).get("/").body());
        assertThat(b.propertyNames()).containsExactly("message", "version", "docs", "health");
        assertThat(b.get("message").asString()).isEqualTo("Welcome to BackBone-AI");
        assertThat(b.get("docs").asString()).isEqualTo("/docs");
        assertThat(b.get("health").asString()).isEqualTo("/health");
    }

    @Test
    void statusIsTheContractsShape() {
        HttpResponse<String> r = new Http(port).get("/api/v1/status");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode b = Json.parse(r.body());
        assertThat(b.propertyNames()).contains("status", "version", "environment", "authentication_enabled", "metrics_enabled",
                "rate_limits");
        assertThat(b.get("status").asString()).isEqualTo("operational");
        assertThat(b.get("authentication_enabled").asBoolean()).isFalse();
        assertThat(b.get("metrics_enabled").asBoolean()).isTrue();
        // the tests' server runs in the development profile (production's limits: SettingsLoaderTest)
        assertThat(b.get("rate_limits").get("generation").asString()).isEqualTo("120/minute, 2000/hour");
        assertThat(b.get("rate_limits").get("validation").asString()).isEqualTo("1000/minute");
    }

    @Test
    void docsOpensTheSwaggerUi() {
        Http http = new Http(port);
        HttpResponse<String> docs = http.get("/docs");
        assertThat(docs.statusCode()).isEqualTo(302);
        String location = docs.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = http.get(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        HttpResponse<String> init = http.get("/swagger-ui/swagger-initializer.js");
        assertThat(init.statusCode()).isEqualTo(200);
        assertThat(init.body()).contains("/openapi.json");
    }

    @Test
    void theOpenApiDocumentListsEveryRoute() {
        Http http = new Http(port);
        for (String path : new String[] {"/openapi.json", "/v3/api-docs"}) {
            HttpResponse<String> r = http.get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode paths = Json.parse(r.body()).get("paths");
            assertThat(paths.propertyNames()).contains("/", "/health", "/health/liveness", "/health/readiness",
                    "/health/detailed", "/metrics", "/api/v1/validate", "/api/v1/generate", "/api/v1/status");
            assertThat(paths.propertyNames()).noneMatch(p -> p.startsWith("/test/") || p.equals("/error"));
        }
    }
}
