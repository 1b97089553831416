package dev.backbone.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.ServerTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Without {@code CORS_ORIGINS} no origin is listed: a preflight is refused with the documented 403. */
@ServerTest
class CorsUnconfiguredTest {

    @LocalServerPort
    int port;

    @Test
    void aPreflightIsRefusedWith403() {
        HttpResponse<String> r = new Http(port).send("OPTIONS", "/api/v1/validate", HttpRequest.BodyPublishers.noBody(),
                "Origin", "https://app.example", "Access-Control-Request-Method", "POST");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        JsonNode b = Json.parse(r.body());
        assertThat(b.get("error").asString()).isEqualTo("Forbidden");
        assertThat(b.get("message").asString()).contains("CORS_ORIGINS");
        assertThat(b.get("request_id").asString()).isEqualTo(r.headers().firstValue("X-Request-ID").orElseThrow());
    }

    @Test
    void requestsThatAreNotPreflightsAreServedWithoutAGrant() {
        HttpResponse<String> r = new Http(port).get("/api/v1/status", "Origin", "https://app.example");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as("no grant: a browser hides the answer").isEmpty();
        assertThat(new Http(port).send("OPTIONS", "/api/v1/validate", HttpRequest.BodyPublishers.noBody()).statusCode())
                .as("a plain OPTIONS is no preflight").isNotEqualTo(403);
    }
}
