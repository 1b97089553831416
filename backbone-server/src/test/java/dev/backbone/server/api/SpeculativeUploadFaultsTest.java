package dev.backbone.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.testsupport.Requirements;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.TestRedis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link UploadFaultsTest} with the limits shared through Redis, where validate and generate run
 * while the limiter's check travels and their answer is buffered: an aborted upload still answers
 * nothing, a stalled one still gets its 408, a client gone before the answer is still one INFO line.
 */
@TestPropertySource(properties = {"ENABLE_RATE_LIMITING=true",
    "RATE_LIMIT_REDIS_URL=" + SpeculativeUploadFaultsTest.REDIS, "REDIS_KEY_PREFIX=backbone-test:upload-faults:"})
class SpeculativeUploadFaultsTest extends UploadFaultsTest {

    /** The local Redis (a property source here cannot read BACKBONE_TEST_REDIS_URL; the settings are read raw). */
    static final String REDIS = "redis://127.0.0.1:6379";

    @BeforeAll
    static void requireRedis() {
        Requirements.require(TestRedis.answers("127.0.0.1", 6379), "Redis at " + REDIS);
    }

    @Test
    void theLimitsAreInRedis() {
        assertThat(new Http(port).get("/health/readiness").body()).contains("\"backend\":\"redis\"");
        assertThat(new Http(port).get("/api/v1/status").headers().firstValue("X-RateLimit-Limit")).isPresent();
    }
}
