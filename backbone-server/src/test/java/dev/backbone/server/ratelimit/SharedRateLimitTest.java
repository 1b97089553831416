package dev.backbone.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.Replica;
import dev.backbone.server.support.TestRedis;
import dev.backbone.server.support.Tokens;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas (separate JVMs on two ports) and the one shared Redis: 64 concurrent clients
 * spread over both admit exactly each tier's limit of the contract per window, as one replica
 * would, and every admitted request saw its own count (the remaining counts are all distinct).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedRateLimitTest {

    private static final int CLIENTS = 64;
    private static final String SCHEMA = Examples.request("simple_schema.json");

    @TempDir
    static Path work;

    Replica a;
    Replica b;

    @BeforeAll
    void start() {
        String redis = TestRedis.sharedUrl();
        Map<String, String> env = Map.of("RATE_LIMIT_REDIS_URL", redis, "REDIS_KEY_PREFIX", TestRedis.uniquePrefix("limits"),
                "ENABLE_AUTH", "true", "JWT_SECRET_KEY", Tokens.SECRET, "ENABLE_RATE_LIMITING", "true",
                // Counting is under test, not timeouts: a crowded CI machine must not turn a slow answer into fail-open.
                "REDIS_TIMEOUT", "5s");
        a = Replica.start(work.resolve("a"), env);
        b = Replica.start(work.resolve("b"), env);
    }

    @AfterAll
    void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    /** {@code requests} requests from {@link #CLIENTS} threads, alternating between the replicas. */
    private List<HttpResponse<String>> burst(int requests, Function<Http, HttpResponse<String>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<HttpResponse<String>>> fs = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Http target = (i % 2 == 0 ? a : b).http;
                fs.add(pool.submit(() -> call.apply(target)));
            }
            List<HttpResponse<String>> out = new ArrayList<>();
            for (Future<HttpResponse<String>> f : fs) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void exactly(List<HttpResponse<String>> rs, int limit, String refusingLimit) {
        List<HttpResponse<String>> ok = rs.stream().filter(r -> r.statusCode() == 200).toList();
        List<HttpResponse<String>> refused = rs.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(rs).as("only 200 and 429").allMatch(r -> r.statusCode() == 200 || r.statusCode() == 429);
        assertThat(ok).as("admitted across both replicas").hasSize(limit);
        assertThat(refused).hasSize(rs.size() - limit);
        TreeSet<Integer> remaining = new TreeSet<>();
        for (HttpResponse<String> r : ok) {
            assertThat(r.headers().firstValue("X-RateLimit-Limit")).hasValue(Integer.toString(limit));
            remaining.add(Integer.parseInt(r.headers().firstValue("X-RateLimit-Remaining").orElseThrow()));
        }
        assertThat(remaining).as("each admitted request counted once, in one shared window").hasSize(limit);
        assertThat(remaining.first()).isZero();
        for (HttpResponse<String> r : refused) {
            assertThat(Json.parse(r.body()).get("limit").asString()).isEqualTo(refusingLimit);
            assertThat(r.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void publicTierIsTwentyAcrossReplicas() throws Exception {
        exactly(burst(20 + CLIENTS, h -> h.get("/api/v1/status", "X-Forwarded-For", "198.51.100.7")), 20, "public");
    }

    @Test
    void authenticatedTierIsAHundredAcrossReplicas() throws Exception {
        String token = Tokens.jwt("tier-authenticated");
        exactly(burst(100 + CLIENTS, h -> h.get("/api/v1/status", "Authorization", "Bearer " + token)), 100,
                "authenticated");
    }

    @Test
    void validationTierIsFiftyAcrossReplicas() throws Exception {
        String token = Tokens.jwt("tier-validation", "validate");
        exactly(burst(50 + CLIENTS, h -> h.post("/api/v1/validate", SCHEMA, "Content-Type", "application/json",
                "Authorization", "Bearer " + token)), 50, "validation");
    }

    @Test
    void generationTierIsTenAcrossReplicas() throws Exception {
        String token = Tokens.jwt("tier-generation", "generate");
        String body = "{\"enable_code_validation\": false, " + SCHEMA.strip().substring(1);
        exactly(burst(10 + CLIENTS, h -> h.post("/api/v1/generate", body, "Content-Type", "application/json",
                "Authorization", "Bearer " + token)), 10, "generation");
    }
}
