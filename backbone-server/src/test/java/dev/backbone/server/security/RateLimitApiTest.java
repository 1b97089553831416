package dev.backbone.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.PromText;
import dev.backbone.server.support.ServerTest;
import dev.backbone.server.support.Tokens;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Each rate limit, set tiny, on a real server with auth on. Clients are told apart as the
 * service tells them apart: public ones by address (the test, on loopback, is a trusted proxy by
 * default and names a different address in {@code X-Forwarded-For} per test), authenticated ones
 * by JWT subject.
 */
@ServerTest
@TestPropertySource(properties = {"ENABLE_AUTH=true", "API_KEY=" + AuthApiTest.KEY, "JWT_SECRET_KEY=" + Tokens.SECRET,
    "ENABLE_RATE_LIMITING=true", "RATE_LIMIT_PUBLIC=3", "RATE_LIMIT_AUTHENTICATED=6", "RATE_LIMIT_GENERATION_PER_MINUTE=2",
    "RATE_LIMIT_GENERATION_PER_HOUR=100", "RATE_LIMIT_VALIDATION=3"})
class RateLimitApiTest {

    private static final String BLOG = Examples.request("blog_schema.json");
    private static final AtomicInteger CLIENTS = new AtomicInteger(1);

    @LocalServerPort
    int port;

    private static String newAddress() {
        return "203.0.113." + CLIENTS.getAndIncrement();
    }

    private HttpResponse<String> status(String... headers) {
        return new Http(port).get("/api/v1/status", headers);
    }

    private HttpResponse<String> post(String path, String token) {
        return new Http(port).post(path, BLOG, "Content-Type", "application/json", "Authorization", "Bearer " + token);
    }

    private static void limitHeaders(HttpResponse<String> r, int limit, int remaining) {
        assertThat(r.headers().firstValue("X-RateLimit-Limit")).as(r.body()).hasValue(Integer.toString(limit));
        assertThat(r.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(remaining));
        long reset = Long.parseLong(r.headers().firstValue("X-RateLimit-Reset").orElseThrow());
        long now = System.currentTimeMillis() / 1000;
        assertThat(reset).isBetween(now, now + 61);
    }

    /** A 429 as the contract has it; returns retry_after. */
    private static long tooMany(HttpResponse<String> r, String limit, int max) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
        JsonNode b = Json.parse(r.body());
        assertThat(b.get("error").asString()).isEqualTo("Rate limit exceeded");
        assertThat(b.get("limit").asString()).isEqualTo(limit);
        assertThat(b.get("message").asString()).startsWith("the " + limit + " limit of " + max + " requests per ");
        assertThat(b.get("request_id").asString()).isEqualTo(r.headers().firstValue("X-Request-ID").orElseThrow());
        long retry = b.get("retry_after").asLong();
        assertThat(r.headers().firstValue("Retry-After")).hasValue(Long.toString(retry));
        assertThat(r.headers().firstValue("X-RateLimit-Limit")).hasValue(Integer.toString(max));
        assertThat(r.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        return retry;
    }

    @Test
    void publicClientsGetThePublicLimitByAddress() {
        String me = newAddress();
        for (int i = 2; i >= 0; i--) {
            HttpResponse<String> r = status("X-Forwarded-For", me);
            assertThat(r.statusCode()).isEqualTo(200);
            limitHeaders(r, 3, i);
        }
        long retry = tooMany(status("X-Forwarded-For", me), "public", 3);
        assertThat(retry).isBetween(1L, 60L);
        assertThat(status("X-Forwarded-For", newAddress()).statusCode()).as("another address").isEqualTo(200);
    }

    @Test
    void failedCredentialsCountAgainstThePublicLimit() {
        String me = newAddress();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = new Http(port).post("/api/v1/generate", BLOG, "Content-Type", "application/json",
                    "X-API-Key", "guess-" + i, "X-Forwarded-For", me);
            assertThat(r.statusCode()).isEqualTo(401);
            limitHeaders(r, 3, 2 - i);
        }
        HttpResponse<String> fourth = new Http(port).post("/api/v1/generate", BLOG, "Content-Type", "application/json",
                "X-API-Key", AuthApiTest.KEY, "X-Forwarded-For", me);
        assertThat(fourth.statusCode()).as("a right key now gets through: it is another client").isEqualTo(200);
        tooMany(new Http(port).post("/api/v1/generate", BLOG, "Content-Type", "application/json",
                "X-API-Key", "guess-4", "X-Forwarded-For", me), "public", 3);
    }

    @Test
    void authenticatedClientsGetTheirOwnLimitBySubject() {
        String token = Tokens.jwt("authenticated-limit", "generate", "validate");
        for (int i = 5; i >= 0; i--) {
            HttpResponse<String> r = status("Authorization", "Bearer " + token);
            assertThat(r.statusCode()).isEqualTo(200);
            limitHeaders(r, 6, i);
        }
        tooMany(status("Authorization", "Bearer " + token), "authenticated", 6);
        // Same subject, another token: the same client.
        tooMany(status("Authorization", "Bearer " + Tokens.jwt("authenticated-limit")), "authenticated", 6);
        assertThat(status("Authorization", "Bearer " + Tokens.jwt("someone-else")).statusCode()).isEqualTo(200);
    }

    @Test
    void generationHasItsOwnLimitAndTheHeadersDescribeTheTightest() {
        String token = Tokens.jwt("generation-limit", "generate", "validate");
        HttpResponse<String> first = post("/api/v1/generate", token);
        assertThat(first.statusCode()).isEqualTo(200);
        limitHeaders(first, 2, 1);
        limitHeaders(post("/api/v1/generate", token), 2, 0);
        long retry = tooMany(post("/api/v1/generate", token), "generation", 2);
        assertThat(retry).isBetween(1L, 60L);
        // Validation is another route limit, still fresh: 2 of 3 left, tighter than the general 3 of 6.
        HttpResponse<String> v = post("/api/v1/validate", token);
        assertThat(v.statusCode()).isEqualTo(200);
        limitHeaders(v, 3, 2);
        // The refused generation took nothing from the general limit: 2 generations + 1 validation + this = 4 of 6.
        limitHeaders(status("Authorization", "Bearer " + token), 6, 2);
    }

    @Test
    void validationHasItsOwnLimit() {
        String token = Tokens.jwt("validation-limit", "validate");
        for (int i = 2; i >= 0; i--) {
            HttpResponse<String> r = post("/api/v1/validate", token);
            assertThat(r.statusCode()).isEqualTo(200);
            limitHeaders(r, 3, i);
        }
        tooMany(post("/api/v1/validate", token), "validation", 3);
    }

    @Test
    void routesOutsideTheApiCarryNoLimitHeadersAndAreNeverLimited() {
        String me = newAddress();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = new Http(port).get("/health", "X-Forwarded-For", me);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-RateLimit-Limit")).isEmpty();
        }
    }

    @Test
    void eachRejectionIsCountedWithItsLimit() {
        Map<String, Double> before = rejections();
        String me = newAddress();
        for (int i = 0; i < 4; i++) {
            status("X-Forwarded-For", me);
        }
        String auth = Tokens.jwt("counted-authenticated");
        for (int i = 0; i < 7; i++) {
            status("Authorization", "Bearer " + auth);
        }
        String gen = Tokens.jwt("counted-generation", "generate");
        for (int i = 0; i < 3; i++) {
            post("/api/v1/generate", gen);
        }
        String val = Tokens.jwt("counted-validation", "validate");
        for (int i = 0; i < 4; i++) {
            post("/api/v1/validate", val);
        }
        Map<String, Double> after = rejections();
        for (String limit : new String[] {"public", "authenticated", "generation", "validation"}) {
            assertThat(after.get(limit) - before.get(limit)).as(limit).isEqualTo(1.0);
        }
    }

    private Map<String, Double> rejections() {
        PromText m = PromText.parse(new Http(port).get("/metrics").body());
        assertThat(m.types).containsEntry("backbone_rate_limit_rejections_total", "counter");
        Map<String, Double> out = new java.util.HashMap<>();
        for (String limit : new String[] {"public", "authenticated", "generation", "validation"}) {
            out.put(limit, m.sum("backbone_rate_limit_rejections_total", Map.of("limit", limit)));
        }
        return out;
    }

    @Test
    void statusShowsTheConfiguredLimits() {
        JsonNode b = Json.parse(status("X-Forwarded-For", newAddress()).body());
        assertThat(b.get("rate_limiting_enabled").asBoolean()).isTrue();
        assertThat(b.get("rate_limits").get("generation").asString()).isEqualTo("2/minute, 100/hour");
        assertThat(b.get("rate_limits").get("validation").asString()).isEqualTo("3/minute");
        assertThat(b.get("rate_limits").get("public").asString()).isEqualTo("3/minute");
        assertThat(b.get("rate_limits").get("authenticated").asString()).isEqualTo("6/minute");
    }
}
