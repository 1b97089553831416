package dev.backbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.testsupport.Requirements;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a real process ({@code java ... dev.backbone.cli.Main}): what depends on the
 * environment, on signals and on a real terminal (a pseudo-terminal from util-linux's
 * {@code script}).
 */
class CliProcessTest {

    @TempDir
    Path tmp;

    record Result(int exit, String out, String err) {}

    private Result cli(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command(args));
        pb.environment().putAll(env);
        pb.directory(tmp.toFile());
        Path out = tmp.resolve("stdout.txt");
        Path err = tmp.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<String> command(String... args) {
        List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.backbone.cli.Main"));
        c.addAll(List.of(args));
        return c;
    }

    @Test
    void verifyFullWithoutAPythonToolchainFailsNamingWhatToInstall() throws Exception {
        Path out = tmp.resolve("project");
        Result r = cli(Map.of("BACKBONE_PYTHON", tmp.resolve("no-python").toString()), "generate",
                CliRunner.example("blog_schema.json").toString(), "-o", out.toString(), "--verify", "full");
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("backbone-ai: --verify full needs Python 3 with SQLAlchemy 2.0, pyflakes, black and mypy: ")
                .contains("pip install 'SQLAlchemy>=2.0,<2.1' pyflakes black mypy", "BACKBONE_PYTHON", "--verify fast")
                .doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();

        Result json = cli(Map.of("BACKBONE_PYTHON", tmp.resolve("no-python").toString()), "generate",
                CliRunner.example("blog_schema.json").toString(), "-o", out.toString(), "--verify", "full", "--json");
        assertThat(json.exit()).isEqualTo(2);
        assertThat(json.out()).contains("\"error\" : \"verification_unavailable\"", "\"exit_code\" : 2");
        assertThat(out).doesNotExist();
    }

    @Test
    void serveExitsZeroAfterACleanSigtermDrain() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(command("serve", "--host", "127.0.0.1", "--port", String.valueOf(port)));
        pb.directory(tmp.toFile());
        pb.environment().remove("METRICS_PORT");
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("serve.log").toFile());
        Process p = pb.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            int status = 0;
            while (status != 200 && p.isAlive() && System.nanoTime() < deadline) {
                try {
                    status = http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException e) {
                    Thread.sleep(200);
                }
            }
            assertThat(status).as(Files.readString(tmp.resolve("serve.log"))).isEqualTo(200);
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(tmp.resolve("serve.log"))).isZero();
            assertThat(Files.readString(tmp.resolve("serve.log"))).contains("Shutting down");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void onARealTerminalSeveritiesAreColouredUnlessNoColor() throws Exception {
        Requirements.require(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux's script (a pseudo-terminal)");
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, "{\"project_name\": \"X\", \"db_type\": \"sqlite\", \"schema\": [{\"table_name\": \"a\", \"class_name\": \"A\", \"columns\": []}]}");
        String onTerminal = inTerminal(Map.of(), "validate", f.toString());
        assertThat(onTerminal).contains(": \033[1;31merror\033[0m: ");
        String noColor = inTerminal(Map.of("NO_COLOR", "1"), "validate", f.toString());
        assertThat(noColor).contains(": error: ").doesNotContain("\033[1;31m");
        Result piped = cli(Map.of(), "validate", f.toString());
        assertThat(piped.exit()).isEqualTo(1);
        assertThat(piped.out()).contains(": error: ").doesNotContain("\033[");
    }

    @Test
    void onARealTerminalGenerateShowsProgressAndErasesIt() throws Exception {
        Requirements.require(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux's script (a pseudo-terminal)");
        String shown = inTerminal(Map.of(), "generate", CliRunner.example("blog_schema.json").toString(), "-o", tmp.resolve("a").toString());
        assertThat(shown).contains("\r\033[Kbackbone-ai: verifying the generated code", "\r\033[Kbackbone-ai: verify: SQL on an embedded database",
                "\r\033[K" + "generated ");
        String quiet = inTerminal(Map.of(), "generate", CliRunner.example("blog_schema.json").toString(), "-o", tmp.resolve("b").toString(), "--quiet");
        assertThat(quiet).doesNotContain("backbone-ai: verif").containsPattern("generated \\d+ files");
        Result piped = cli(Map.of(), "generate", CliRunner.example("blog_schema.json").toString(), "-o", tmp.resolve("c").toString());
        assertThat(piped.exit()).isZero();
        assertThat(piped.err()).isEmpty();
    }

    /** What the command wrote to a pseudo-terminal (stdout and stderr both on it). */
    private String inTerminal(Map<String, String> env, String... args) throws Exception {
        StringBuilder line = new StringBuilder();
        for (String a : command(args)) {
            line.append('\'').append(a.replace("'", "'\\''")).append("' ");
        }
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/script", "-qec", line.toString(), "/dev/null");
        pb.environment().remove("NO_COLOR");
        pb.environment().putAll(env);
        pb.environment().put("TERM", "xterm");
        pb.directory(tmp.toFile());
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        byte[] all = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new String(all, StandardCharsets.UTF_8);
    }
}
