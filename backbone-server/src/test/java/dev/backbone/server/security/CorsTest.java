package dev.backbone.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.ServerTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** {@code CORS_ORIGINS} with auth on; also {@code ENABLE_SECURITY_HEADERS=false}. */
@ServerTest
@TestPropertySource(properties = {"CORS_ORIGINS=https://app.example, http://localhost:3000", "ENABLE_AUTH=true",
    "API_KEY=" + AuthApiTest.KEY, "ENABLE_SECURITY_HEADERS=false"})
class CorsTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> preflight(String origin, String method, String headers) {
        return new Http(port).send("OPTIONS", "/api/v1/validate", HttpRequest.BodyPublishers.noBody(),
                "Origin", origin, "Access-Control-Request-Method", method, "Access-Control-Request-Headers", headers);
    }

    @Test
    void aPreflightFromAListedOriginIsGrantedWithoutACredential() {
        HttpResponse<String> r = preflight("https://app.example", "POST", "content-type,x-api-key");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
        assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(r.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                .contains("content-type", "x-api-key");
        assertThat(r.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
        assertThat(r.headers().firstValue("X-Request-ID")).isPresent();
    }

    @Test
    void aPreflightFromAnotherOriginOrForAnotherMethodIsRefused() {
        for (HttpResponse<String> r : new HttpResponse[] {preflight("https://evil.example", "POST", "content-type"),
            preflight("https://app.example", "DELETE", "content-type"), preflight("https://app.example", "POST", "x-custom")}) {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            JsonNode b = Json.parse(r.body());
            assertThat(b.get("error").asString()).isEqualTo("Forbidden");
            assertThat(b.get("message").asString()).contains("CORS_ORIGINS");
            assertThat(b.get("request_id").asString()).isEqualTo(r.headers().firstValue("X-Request-ID").orElseThrow());
        }
    }

    @Test
    void anActualRequestFromAListedOriginMayReadTheIdAndLimitHeaders() {
        HttpResponse<String> r = new Http(port).post("/api/v1/validate", "{\"schema\": {}}", "Content-Type", "application/json",
                "Origin", "http://localhost:3000", "X-API-Key", AuthApiTest.KEY);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(r.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains("X-Request-ID", "X-RateLimit-Remaining", "Retry-After");
        HttpResponse<String> evil = new Http(port).get("/api/v1/status", "Origin", "https://evil.example");
        assertThat(evil.statusCode()).isEqualTo(403);
        assertThat(new Http(port).get("/api/v1/status").statusCode()).as("no Origin: not a CORS request").isEqualTo(200);
    }

    @Test
    void securityHeadersCanBeTurnedOff() {
        HttpResponse<String> r = new Http(port).get("/health");
        assertThat(r.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(r.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(r.headers().firstValue("X-Content-Type-Options")).isEmpty();
    }
}
