package dev.backbone.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.ServerTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The control of {@link ApiWalkthroughDevelopmentTest}: production keeps the contract's limits (public 20/minute). */
@ServerTest
@TestPropertySource(properties = {"APP_ENV=production", "ENABLE_RATE_LIMITING=true"})
class ApiWalkthroughProductionTest {

    @LocalServerPort
    int port;

    @Test
    void theSameWalkthroughRunsIntoTheContractsLimits(@TempDir Path scratch) throws Exception {
        ApiWalkthrough.requireTools();

        ApiWalkthrough.run(port, 3, scratch);

        assertThat(ApiWalkthrough.answered(port, "429")).as("429 answers").isPositive();
    }
}
