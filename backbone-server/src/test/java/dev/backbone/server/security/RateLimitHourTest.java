package dev.backbone.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.ServerTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The hourly generation limit, and {@code X-Forwarded-For} from a client that is not a trusted
 * proxy: loopback is not in {@code FORWARDED_ALLOW_IPS} here, so the header cannot make the
 * test look like three clients.
 */
@ServerTest
@TestPropertySource(properties = {"ENABLE_RATE_LIMITING=true", "RATE_LIMIT_GENERATION_PER_MINUTE=5",
    "RATE_LIMIT_GENERATION_PER_HOUR=2", "FORWARDED_ALLOW_IPS=10.1.2.3"})
class RateLimitHourTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> generate(String forwardedFor) {
        return new Http(port).post("/api/v1/generate", Examples.request("blog_schema.json"), "Content-Type", "application/json",
                "X-Forwarded-For", forwardedFor);
    }

    @Test
    void theHourlyLimitBindsAndAnUntrustedForwardedForChangesNothing() {
        HttpResponse<String> a = generate("198.51.100.1");
        assertThat(a.statusCode()).isEqualTo(200);
        assertThat(a.headers().firstValue("X-RateLimit-Limit")).hasValue("2");
        assertThat(a.headers().firstValue("X-RateLimit-Remaining")).hasValue("1");
        long reset = Long.parseLong(a.headers().firstValue("X-RateLimit-Reset").orElseThrow());
        assertThat(reset - System.currentTimeMillis() / 1000).as("the hourly window's end").isBetween(3_500L, 3_601L);
        HttpResponse<String> b = generate("198.51.100.2");
        assertThat(b.statusCode()).isEqualTo(200);
        assertThat(b.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        HttpResponse<String> c = generate("198.51.100.3");
        assertThat(c.statusCode()).isEqualTo(429);
        long retry = Json.parse(c.body()).get("retry_after").asLong();
        assertThat(retry).isBetween(3_500L, 3_600L);
        assertThat(c.headers().firstValue("Retry-After")).hasValue(Long.toString(retry));
        assertThat(Json.parse(c.body()).get("message").asString()).contains("generation limit of 2 requests per hour");
    }
}
