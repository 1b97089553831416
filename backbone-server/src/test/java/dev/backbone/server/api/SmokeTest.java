package dev.backbone.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Http;
import dev.backbone.server.support.ServerTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ServerTest
class SmokeTest {

    @LocalServerPort
    int port;

    @Test
    void smoke() {
        Http http = new Http(port);
        for (String p : new String[] {"/", "/health", "/health/liveness", "/health/readiness", "/health/detailed", "/api/v1/status", "/nope", "/metrics", "/docs", "/openapi.json", "/v3/api-docs"}) {
            HttpResponse<String> r = http.get(p);
            System.out.println("=== " + p + " " + r.statusCode() + " " + r.headers().map());
            System.out.println(r.body().length() > 3000 ? r.body().substring(0, 3000) : r.body());
        }
        HttpResponse<String> r = http.post("/api/v1/validate", "{\"schema\": {\"x\": ");
        System.out.println("=== malformed " + r.statusCode() + " " + r.body());
        r = http.post("/api/v1/validate", "{\"schema\": {}}");
        System.out.println("=== empty " + r.statusCode() + " " + r.body());
        r = http.post("/api/v1/validate", "a=b", "Content-Type", "application/x-www-form-urlencoded");
        System.out.println("=== form " + r.statusCode() + " " + r.body());
        r = http.post("/api/v1/generate", dev.backbone.server.support.Examples.request("blog_schema.json"));
        System.out.println("=== gen " + r.statusCode() + " " + r.body());
        assertThat(port).isPositive();
    }
}
