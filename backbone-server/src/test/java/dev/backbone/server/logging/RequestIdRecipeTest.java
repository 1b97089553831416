package dev.backbone.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import dev.backbone.server.support.ServerTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The guide's recipe, literally: {@code curl -i .../health} shows {@code X-Request-ID}, and
 * {@code grep <id> logs/app.log} finds the request's lines, for a health check, a validate, a
 * 422 and a generate, with curl and grep run as a user runs them. Each request has at least its
 * access line, which names the route and the status.
 */
@ServerTest
class RequestIdRecipeTest {

    static final Path LOG = Path.of("target/test-logs/app.log");
    static final Pattern HEADER = Pattern.compile("(?im)^x-request-id:\\s*(\\S+)\\s*$");

    @LocalServerPort
    int port;

    static String sh(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    static void requireCurl() throws IOException, InterruptedException {
        boolean curl = sh("command -v curl >/dev/null && command -v grep >/dev/null && echo yes").strip().equals("yes");
        if (!curl && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("curl and grep are needed for the guide's recipe (CI=true)");
        }
        Assumptions.assumeTrue(curl, "curl or grep is not installed: the guide's recipe cannot be run here");
    }

    /** Runs the request with curl -si, cuts the id from the header as the guide's reader does, then greps the log. */
    String recipe(String curlArgs, String route, int status) throws IOException, InterruptedException {
        String response = sh("curl -si " + curlArgs + " | grep -i x-request-id");
        Matcher m = HEADER.matcher(response);
        assertThat(m.find()).as(response).isTrue();
        String id = m.group(1);
        String lines = "";
        for (int i = 0; i < 50 && lines.isBlank(); i++) {
            lines = sh("grep '" + id + "' " + LOG);
            if (lines.isBlank()) {
                Thread.sleep(50);
            }
        }
        assertThat(lines).as("grep %s %s", id, LOG).contains("[req=" + id + "]").contains(" " + route + " " + status + " ");
        return lines;
    }

    @Test
    void theGuidesGrepFindsAHealthCheck() throws Exception {
        requireCurl();
        String lines = recipe("http://127.0.0.1:" + port + "/health", "/health", 200);
        assertThat(lines).contains("| INFO     | dev.backbone.access");
    }

    @Test
    void theGuidesGrepFindsAValidateA422AndAGenerate() throws Exception {
        requireCurl();
        Path body = Files.writeString(Files.createTempFile("recipe", ".json"), Examples.request("blog_schema.json"));
        Path bad = Files.writeString(Files.createTempFile("recipe-bad", ".json"), "{\"schema\": {\"project_name\": \"x\", \"schema\": []}}");
        String json = " -H 'Content-Type: application/json' --data-binary @";
        recipe("http://127.0.0.1:" + port + "/api/v1/validate" + json + body, "/api/v1/validate", 200);
        recipe("http://127.0.0.1:" + port + "/api/v1/validate" + json + bad, "/api/v1/validate", 422);
        String generate = recipe("http://127.0.0.1:" + port + "/api/v1/generate" + json + body, "/api/v1/generate", 200);
        // the workflow's own lines carry the id too
        assertThat(generate).contains("Starting workflow generation");
        for (Path p : List.of(body, bad)) {
            Files.deleteIfExists(p);
        }
    }
}
