package dev.backbone.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.testsupport.Requirements;
import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.PromText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * docs/api.md's curl examples, run literally with bash (only {@code http://localhost:8000}
 * becomes the test server's address), from a scratch folder that has the repository's
 * {@code examples/}. What the server answered is read from its own metrics
 * ({@code backbone_http_requests_total} by status), so the commands stay exactly as written.
 */
final class ApiWalkthrough {

    private ApiWalkthrough() {}

    static void requireTools() {
        for (String tool : List.of("bash", "curl", "jq")) {
            Requirements.require(runs(tool, "--version"), tool + " (docs/api.md's examples use it)");
        }
    }

    /** The shell blocks of docs/api.md that call curl, in document order. */
    static List<String> curlBlocks() throws IOException {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        boolean shell = false;
        for (String line : Files.readString(Examples.root().resolve("docs/api.md")).split("\n", -1)) {
            if (line.startsWith("```")) {
                if (block == null) {
                    block = new StringBuilder();
                    String lang = line.substring(3).strip();
                    shell = lang.equals("bash") || lang.equals("sh") || lang.isEmpty();
                } else {
                    if (shell && block.toString().contains("curl ")) {
                        blocks.add(block.toString());
                    }
                    block = null;
                }
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    /** Runs every block {@code passes} times against {@code port}; returns the number of curl calls made. */
    static int run(int port, int passes, Path scratch) throws IOException, InterruptedException {
        Files.createSymbolicLink(scratch.resolve("examples"), Examples.root().resolve("examples"));
        List<String> blocks = curlBlocks();
        int calls = 0;
        for (int pass = 0; pass < passes; pass++) {
            for (String b : blocks) {
                String script = b.replace("http://localhost:8000", "http://127.0.0.1:" + port);
                calls += script.split("(?<![\\w-])curl ", -1).length - 1;
                Process p = new ProcessBuilder("bash", "-c", script).directory(scratch.toFile())
                        .redirectErrorStream(true).redirectOutput(scratch.resolve("walkthrough.log").toFile()).start();
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("docs/api.md block finished:%n%s", script).isTrue();
            }
        }
        return calls;
    }

    /** The service's count of its answers with {@code status} under {@code /api/v1} (and everywhere). */
    static double answered(int port, String status) {
        PromText m = PromText.parse(new Http(port).get("/metrics").body());
        return status == null ? m.sum("backbone_http_requests_total", Map.of())
                : m.sum("backbone_http_requests_total", Map.of("status", status));
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
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
