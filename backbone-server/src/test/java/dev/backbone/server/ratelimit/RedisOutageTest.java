package dev.backbone.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.Replica;
import dev.backbone.server.support.TestRedis;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Redis stopped under two replicas (a throwaway redis-server of this test's own; the shared one
 * is never stopped): no request fails with a 5xx, readiness stays 200 with {@code rate_limiter}
 * degraded, the outage is counted in the metrics, and each replica behaves as configured:
 * fail open counts in its own memory (the limit still holds per replica), fail closed refuses
 * with 429. When Redis is back, both count in it again.
 */
class RedisOutageTest {

    @TempDir
    static Path work;

    private static final String PREFIX = TestRedis.uniquePrefix("outage");

    private static Map<String, String> env(String redis, boolean failOpen) {
        return Map.of("RATE_LIMIT_REDIS_URL", redis, "REDIS_KEY_PREFIX", PREFIX,
                "ENABLE_RATE_LIMITING", "true", "RATE_LIMIT_PUBLIC", "5", "RATE_LIMIT_FAIL_OPEN", Boolean.toString(failOpen),
                "REDIS_TIMEOUT", "500ms");
    }

    private static List<Integer> statuses(Http h, String client, int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(h.get("/api/v1/status", "X-Forwarded-For", client).statusCode());
        }
        return out;
    }

    private static JsonNode rateLimiter(Http h) {
        HttpResponse<String> r = h.get("/health/readiness");
        assertThat(r.statusCode()).as("readiness stays 200: %s", r.body()).isEqualTo(200);
        for (JsonNode c : Json.parse(r.body()).get("components")) {
            if (c.get("name").asString().equals("rate_limiter")) {
                return c;
            }
        }
        throw new AssertionError("no rate_limiter component: " + r.body());
    }

    @Test
    void redisDownIsDegradedNeverA5xxAndEachReplicaDoesAsConfigured() throws Exception {
        try (TestRedis.Throwaway redis = TestRedis.Throwaway.start(work.resolve("redis"));
                Replica open = Replica.start(work.resolve("open"), env(redis.url(), true));
                Replica closed = Replica.start(work.resolve("closed"), env(redis.url(), false))) {
            assertThat(rateLimiter(open.http).get("status").asString()).isEqualTo("healthy");
            assertThat(rateLimiter(open.http).get("metadata").get("backend").asString()).isEqualTo("redis");
            assertThat(statuses(open.http, "198.51.100.20", 3)).containsOnly(200);

            redis.stop();

            // Fail open: this replica's own windows; a new client gets the limit, counted here.
            List<Integer> fromOpen = statuses(open.http, "198.51.100.21", 8);
            assertThat(fromOpen).as("fail open counts per replica").containsExactly(200, 200, 200, 200, 200, 429, 429, 429);
            // Fail closed: every limited request is refused, with the contract's 429 body.
            HttpResponse<String> refused = closed.http.get("/api/v1/status", "X-Forwarded-For", "198.51.100.22");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
            assertThat(Json.parse(refused.body()).get("error").asString()).isEqualTo("Rate limit exceeded");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(statuses(closed.http, "198.51.100.23", 3)).containsOnly(429);

            JsonNode o = rateLimiter(open.http);
            assertThat(o.get("status").asString()).isEqualTo("degraded");
            assertThat(o.get("message").asString()).contains("RATE_LIMIT_FAIL_OPEN=true");
            JsonNode c = rateLimiter(closed.http);
            assertThat(c.get("status").asString()).isEqualTo("degraded");
            assertThat(c.get("message").asString()).contains("RATE_LIMIT_FAIL_OPEN=false");
            String metrics = open.http.get("/metrics").body();
            assertThat(metrics).contains("backbone_rate_limit_backend_up 0.0");
            assertThat(metricValue(metrics, "backbone_rate_limit_backend_errors_total")).isGreaterThanOrEqualTo(8);
            assertThat(open.log()).contains("Redis does not answer").doesNotContain("Exception\n\tat ");

            redis.restart();
            long deadline = System.currentTimeMillis() + 60_000;
            while (!rateLimiter(closed.http).get("status").asString().equals("healthy")
                    || !rateLimiter(open.http).get("status").asString().equals("healthy")) {
                assertThat(System.currentTimeMillis()).as("Redis picked up again within 60 s").isLessThan(deadline);
                Thread.sleep(250);
            }
            assertThat(statuses(closed.http, "198.51.100.24", 1)).containsOnly(200);
            assertThat(statuses(open.http, "198.51.100.24", 5)).containsExactly(200, 200, 200, 200, 429);
        }
    }

    private static double metricValue(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("no " + name);
    }
}
