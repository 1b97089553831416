package dev.backbone.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.testsupport.Requirements;
import dev.backbone.server.support.ServerTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Swagger UI at {@code /docs}, rendered by headless Chromium, shows the input format: the
 * published JSON Schema's components are among its models. Needs {@code chromium}: skipped on a
 * laptop without it, failed in CI ({@code .ci/run} installs it).
 */
@ServerTest
class SwaggerUiInChromiumTest {

    @LocalServerPort
    int port;

    @Test
    void theModelsIncludeTheInputFormat(@TempDir Path profile) throws Exception {
        String chromium = Stream.of("chromium", "chromium-browser").filter(SwaggerUiInChromiumTest::runs).findFirst()
                .orElse(null);
        Requirements.require(chromium != null, "headless Chromium (Debian: apt-get install chromium)");
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--virtual-time-budget=20000", "--dump-dom",
                "http://127.0.0.1:" + port + "/swagger-ui/index.html")
                .redirectError(profile.resolve("chromium.log").toFile()).start();
        p.getOutputStream().close();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(dom).contains("swagger-ui")
                .contains(">BackBone project schema<", ">ProjectSchema.table<", ">ProjectSchema.column<",
                        ">ProjectSchema.relationship<", ">GenerateRequestBody<");
    }

    private static boolean runs(String command) {
        try {
            Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
