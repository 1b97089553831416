package dev.backbone.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.ServerTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A developer following docs/api.md on their own machine (the development profile, rate limiting
 * on as by default) never meets a 429, even going through the examples three times in a minute.
 * {@link ApiWalkthroughProductionTest} is the control: the same commands against the contract's
 * limits do run into them, so this test can fail.
 */
@ServerTest
@TestPropertySource(properties = {"APP_ENV=development", "ENABLE_RATE_LIMITING=true"})
class ApiWalkthroughDevelopmentTest {

    @LocalServerPort
    int port;

    @Test
    void theCurlWalkthroughGetsNo429(@TempDir Path scratch) throws Exception {
        ApiWalkthrough.requireTools();
        double before = ApiWalkthrough.answered(port, null);

        int calls = ApiWalkthrough.run(port, 3, scratch);

        assertThat(calls).as("curl calls in docs/api.md, three times").isGreaterThanOrEqualTo(30);
        assertThat(ApiWalkthrough.answered(port, null) - before).as("requests the server answered")
                .isGreaterThanOrEqualTo(calls);
        assertThat(ApiWalkthrough.answered(port, "429")).as("429 answers").isZero();
    }
}
