package dev.backbone.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import dev.backbone.server.support.ChildJvm;
import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Tokens;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as {@code backbone-ai serve} runs it, with {@code DEBUG=true} and
 * {@code LOG_LEVEL=DEBUG}: after accepted and refused requests with every kind of credential,
 * neither {@code logs/app.log} nor the console holds an API key (the right one or a wrong
 * one), a JWT or any part of one, or the JWT signing key; while the guard's own lines are there.
 */
class CredentialLogScanTest {

    @TempDir
    Path work;

    @Test
    void noCredentialReachesTheLogsEvenInDebug() throws Exception {
        String apiKey = "bb-live-" + UUID.randomUUID();
        String wrongKey = "bb-wrong-" + UUID.randomUUID();
        int port = ChildJvm.freePort();
        Process p = ChildJvm.start(work, Map.of("API_HOST", "127.0.0.1", "API_PORT", Integer.toString(port), "DEBUG", "true",
                "LOG_LEVEL", "DEBUG", "ENABLE_AUTH", "true", "API_KEY", apiKey, "JWT_SECRET_KEY", Tokens.SECRET,
                "ENABLE_RATE_LIMITING", "true", "RATE_LIMIT_PUBLIC", "3"), work.resolve("out.txt"), work.resolve("err.txt"));
        List<String> tokens = new ArrayList<>();
        try {
            Http http = new Http(port);
            awaitReady(http, p);
            String body = Examples.request("blog_schema.json");
            String valid = Tokens.jwt("log-scan", "generate", "validate");
            String noScope = Tokens.jwt("log-scan-2");
            String forged = Tokens.sign("a-different-secret-of-enough-length-0123", JWSAlgorithm.HS256,
                    Tokens.claims("log-scan", Instant.now(), Duration.ofHours(1), "generate"));
            String expired = Tokens.sign(Tokens.SECRET, JWSAlgorithm.HS256,
                    Tokens.claims("log-scan", Instant.now().minus(Duration.ofHours(5)), Duration.ofHours(1), "generate"));
            tokens.addAll(List.of(valid, noScope, forged, expired));
            String[][] requests = {
                {"/api/v1/validate", "X-API-Key", apiKey},
                {"/api/v1/generate", "X-API-Key", apiKey},
                {"/api/v1/validate", "X-API-Key", wrongKey},
                {"/api/v1/generate", "Authorization", "Bearer " + valid},
                {"/api/v1/generate", "Authorization", "Bearer " + noScope},
                {"/api/v1/generate", "Authorization", "Bearer " + forged},
                {"/api/v1/validate", "Authorization", "Bearer " + expired},
                {"/api/v1/validate", "X-API-Key", wrongKey + "-2"},
                {"/api/v1/validate", "X-API-Key", wrongKey + "-3"},
            };
            List<Integer> statuses = new ArrayList<>();
            for (String[] r : requests) {
                HttpResponse<String> res = http.post(r[0], body, "Content-Type", "application/json", r[1], r[2]);
                statuses.add(res.statusCode());
            }
            // Wrong key, forged and expired token are the public client's 3 requests; the next wrong keys meet 429.
            assertThat(statuses).containsExactly(200, 200, 401, 200, 403, 401, 401, 429, 429);
            assertThat(http.get("/api/v1/status", "X-API-Key", apiKey, "Authorization", "Bearer " + valid).statusCode())
                    .isEqualTo(200);
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        String log = ChildJvm.read(work.resolve("logs/app.log"));
        String console = ChildJvm.read(work.resolve("out.txt")) + ChildJvm.read(work.resolve("err.txt"));
        assertThat(log).contains("Authenticated POST /api/v1/validate as api-key (api_key)")
                .contains("Authenticated POST /api/v1/generate as sub:log-scan (jwt)")
                .contains("Refused POST /api/v1/validate: 401 the API key is not valid")
                .contains("Refused POST /api/v1/generate: 401 the token's signature is not valid")
                .contains("Refused POST /api/v1/generate: 403 for sub:log-scan-2")
                .contains("Rate limit public refused POST /api/v1/validate")
                .contains("| DEBUG    |");
        for (String text : List.of(log, console)) {
            assertThat(text).doesNotContain(apiKey, wrongKey, Tokens.SECRET);
            for (String token : tokens) {
                String[] parts = token.split("\\.");
                assertThat(text).doesNotContain(token, parts[1], parts[2]);
            }
        }
    }

    private static void awaitReady(Http http, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                if (http.get("/health/liveness").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                assertThat(p.isAlive()).isTrue();
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }
}
