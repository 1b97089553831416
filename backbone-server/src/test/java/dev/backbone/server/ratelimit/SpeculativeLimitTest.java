package dev.backbone.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.PromText;
import dev.backbone.server.support.Replica;
import dev.backbone.server.support.TestRedis;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import tools.jackson.databind.JsonNode;

/**
 * The speculative check of validate and synchronous generate (their Redis script travels while
 * the route runs): a request Redis refuses after it ran gets exactly the usual 429 (body and
 * headers, nothing of the computed answer), a refused client is then refused by the replica
 * without asking Redis and without running the route, and with Redis down the configured
 * fail-open or fail-closed holds, with no 5xx. A throwaway Redis of its own, so that its command
 * counts are this test's alone and it can be stopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpeculativeLimitTest {

    private static final String SCHEMA = Examples.request("simple_schema.json");
    private static final String PREFIX = TestRedis.uniquePrefix("speculative");
    private static final Map<String, String> VALIDATOR = Map.of("agent_name", "schema_validator");

    @TempDir
    static Path work;

    TestRedis.Throwaway redis;
    Replica open;
    Replica closed;

    @BeforeAll
    void start() {
        redis = TestRedis.Throwaway.start(work.resolve("redis"));
        open = Replica.start(work.resolve("open"), env(true));
        closed = Replica.start(work.resolve("closed"), env(false));
    }

    private Map<String, String> env(boolean failOpen) {
        return Map.of("RATE_LIMIT_REDIS_URL", redis.url(), "REDIS_KEY_PREFIX", PREFIX, "ENABLE_RATE_LIMITING", "true",
                "RATE_LIMIT_VALIDATION", "3", "RATE_LIMIT_GENERATION_PER_MINUTE", "2",
                "RATE_LIMIT_FAIL_OPEN", Boolean.toString(failOpen), "REDIS_TIMEOUT", "2s");
    }

    @AfterAll
    void stop() throws InterruptedException {
        for (AutoCloseable c : new AutoCloseable[] {open, closed}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    private static HttpResponse<String> validate(Http h, String client) {
        return h.post("/api/v1/validate", SCHEMA, "Content-Type", "application/json", "X-Forwarded-For", client);
    }

    /** Fills a client's window in Redis as other replicas would have: the next request is refused only by Redis's answer. */
    private void fill(String client, String limit, long windowMillis, int max) {
        try (Jedis j = new Jedis(redis.url())) {
            j.psetex(PREFIX + "rl:{ip:" + client + "}:" + limit + ":" + windowMillis, 60_000, Integer.toString(max));
        }
    }

    /** The rate-limit scripts this Redis has run (EVALSHA and EVAL calls). */
    private long scripts() {
        long n = 0;
        try (Jedis j = new Jedis(redis.url())) {
            for (String line : j.info("commandstats").split("\r?\n")) {
                if (line.startsWith("cmdstat_evalsha:") || line.startsWith("cmdstat_eval:")) {
                    String calls = line.substring(line.indexOf("calls=") + 6);
                    n += Long.parseLong(calls.substring(0, calls.indexOf(',')));
                }
            }
        }
        return n;
    }

    private static double validations(Http h) {
        return PromText.parse(h.get("/metrics").body()).sum("backbone_agent_executions_total", VALIDATOR);
    }

    private static void isTheUsual429(HttpResponse<String> r, String limit, int max) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
        JsonNode b = Json.parse(r.body());
        assertThat(b.get("error").asString()).isEqualTo("Rate limit exceeded");
        assertThat(b.get("limit").asString()).isEqualTo(limit);
        assertThat(b.get("retry_after").asLong()).isBetween(1L, 60L);
        assertThat(b.get("request_id").asString()).isEqualTo(r.headers().firstValue("X-Request-ID").orElseThrow());
        assertThat(b.has("status")).as("nothing of the computed answer").isFalse();
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(r.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(r.headers().firstValue("X-RateLimit-Limit")).hasValue(Integer.toString(max));
        assertThat(r.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        long reset = Long.parseLong(r.headers().firstValue("X-RateLimit-Reset").orElseThrow());
        assertThat(reset - System.currentTimeMillis() / 1000).isBetween(0L, 61L);
        assertThat(r.headers().firstValue("Retry-After")).hasValue(Long.toString(b.get("retry_after").asLong()));
    }

    @Test
    @Order(1)
    void admittedAnswersCarryTheirCountAndAnEmptiedWindowIsThenRefusedWithoutRedis() {
        List<String> remaining = new ArrayList<>();
        long sent = 0;
        for (int i = 0; i < 4; i++) {
            if (i == 3) {
                sent = scripts();
            }
            HttpResponse<String> r = validate(open.http, "198.51.100.40");
            remaining.add(r.statusCode() + ":" + r.headers().firstValue("X-RateLimit-Remaining").orElse("-"));
            if (r.statusCode() == 200) {
                assertThat(Json.parse(r.body()).get("valid").asBoolean()).isTrue();
                assertThat(r.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
            } else {
                isTheUsual429(r, "validation", 3);
            }
        }
        assertThat(remaining).containsExactly("200:2", "200:1", "200:0", "429:0");
        assertThat(scripts()).as("the request that left 0 told this replica the window is full").isEqualTo(sent);
    }

    @Test
    @Order(2)
    void aRequestRefusedAfterItRanGetsTheUsual429AndTheClientIsThenRefusedWithoutRedis() {
        String client = "198.51.100.41";
        fill(client, "validation", 60_000, 3);
        double ran = validations(open.http);

        HttpResponse<String> first = validate(open.http, client);
        isTheUsual429(first, "validation", 3);
        assertThat(validations(open.http) - ran).as("the route ran before Redis's answer was read").isEqualTo(1.0);

        long sent = scripts();
        for (int i = 0; i < 5; i++) {
            isTheUsual429(validate(open.http, client), "validation", 3);
        }
        assertThat(scripts()).as("refused by this replica until the window ends, without Redis").isEqualTo(sent);
        assertThat(validations(open.http) - ran).as("and without running the route").isEqualTo(1.0);
        // Only the full window is remembered: the client's general limit still has room.
        assertThat(open.http.get("/api/v1/status", "X-Forwarded-For", client).statusCode()).isEqualTo(200);
        assertThat(scripts()).isEqualTo(sent + 1);
    }

    @Test
    @Order(3)
    void aRefusedZipGenerateIsTheJson429() {
        String client = "198.51.100.42";
        fill(client, "generation", 60_000, 2);
        HttpResponse<String> r = open.http.post("/api/v1/generate", "{\"enable_code_validation\": false, "
                + SCHEMA.strip().substring(1), "Content-Type", "application/json", "Accept", "application/zip",
                "X-Forwarded-For", client);
        isTheUsual429(r, "generation", 2);
    }

    @Test
    @Order(4)
    void aGenerateWithAnLlmReviewWaitsForTheVerdictBeforeAnyWork() {
        String client = "198.51.100.43";
        fill(client, "generation", 60_000, 2);
        double before = PromText.parse(open.http.get("/metrics").body()).sum("backbone_workflow_executions_total", Map.of());
        HttpResponse<String> r = open.http.post("/api/v1/generate", "{\"enable_llm_review\": true, "
                + SCHEMA.strip().substring(1), "Content-Type", "application/json", "X-Forwarded-For", client);
        isTheUsual429(r, "generation", 2);
        double after = PromText.parse(open.http.get("/metrics").body()).sum("backbone_workflow_executions_total", Map.of());
        assertThat(after).as("no generation (and no review) ran").isEqualTo(before);
        assertThat(open.log()).doesNotContain("Unexpected error").doesNotContain("ERROR");
    }

    @Test
    @Order(5)
    void redisDownFollowsFailOpenOrClosedWithNo5xx() throws Exception {
        redis.stop();
        List<Integer> fromOpen = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fromOpen.add(validate(open.http, "198.51.100.44").statusCode());
        }
        assertThat(fromOpen).as("fail open: this replica's own windows").containsExactly(200, 200, 200, 429, 429);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = validate(closed.http, "198.51.100.45");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
            assertThat(Json.parse(r.body()).get("error").asString()).isEqualTo("Rate limit exceeded");
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
        }
        assertThat(open.log() + closed.log()).doesNotContain("Exception\n\tat ").doesNotContain("Unexpected error");
    }
}
