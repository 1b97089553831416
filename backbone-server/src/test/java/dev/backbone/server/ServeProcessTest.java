package dev.backbone.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.ChildJvm;
import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as {@code backbone-ai serve} runs it, in its own JVM: configuration from the
 * environment and {@code .env} in the working directory, {@code logs/app.log} there,
 * {@code METRICS_PORT}, and a graceful shutdown on SIGTERM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeProcessTest {

    @TempDir
    static Path work;

    Process server;
    int port;
    int metricsPort;
    long readyMillis;

    @BeforeAll
    void start() throws Exception {
        Files.writeString(work.resolve(".env"), """
                APP_NAME=FromDotEnv  # the guide's "Set in .env"
                DEFAULT_LLM_PROVIDER=watson
                """);
        port = ChildJvm.freePort();
        metricsPort = ChildJvm.freePort();
        long t0 = System.nanoTime();
        server = ChildJvm.start(work, Map.of(
                        "API_HOST", "127.0.0.1", "API_PORT", Integer.toString(port), "METRICS_PORT", Integer.toString(metricsPort),
                        "DEFAULT_LLM_PROVIDER", "anthropic", "DEBUG", "true", "BACKBONE_TEST_FAULTS", "true",
                        "SHUTDOWN_TIMEOUT", "20"),
                work.resolve("stdout.txt"), work.resolve("stderr.txt"));
        Http http = new Http(port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            assertThat(server.isAlive()).as("server exited: %s", ChildJvm.read(work.resolve("stderr.txt"))).isTrue();
            try {
                if (http.get("/health/readiness").statusCode() == 200) {
                    break;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("ready within 120 s").isLessThan(deadline);
            Thread.sleep(50);
        }
        readyMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("ServeProcessTest: ready in " + readyMillis + " ms (child JVM, test class path)");
    }

    @AfterAll
    void stop() {
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void settingsComeFromDotEnvAndTheEnvironmentWins() {
        Http http = new Http(port);
        assertThat(Json.parse(http.get("/health").body()).get("app_name").asString()).isEqualTo("FromDotEnv");
        assertThat(Json.parse(http.get("/health/readiness").body()).get("components").get("llm").get("metadata")
                .get("provider").asString()).isEqualTo("anthropic");
    }

    @Test
    @Order(2)
    void metricsAreServedOnMetricsPortAsWellAsOnTheApiPort() {
        new Http(port).get("/health");
        HttpResponse<String> separate = new Http(metricsPort).get("/metrics");
        assertThat(separate.statusCode()).isEqualTo(200);
        assertThat(separate.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(separate.body()).contains("backbone_http_requests_total{endpoint=\"/health\",method=\"GET\",status=\"200\"}");
        assertThat(new Http(metricsPort).get("/health").statusCode()).isEqualTo(404);
        assertThat(new Http(port).get("/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void requestIdsAreInLogsAppLogOfTheWorkingDirectory() throws IOException {
        String id = "child-" + System.nanoTime();
        assertThat(new Http(port).post("/api/v1/validate", Examples.request("blog_schema.json"), "Content-Type",
                "application/json", "X-Request-ID", id).statusCode()).isEqualTo(200);
        Path log = work.resolve("logs/app.log");
        List<String> lines = Files.readAllLines(log).stream().filter(l -> l.contains("[req=" + id + "]")).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("| DEBUG    | dev.backbone.workflow:workflowStarted:")
                .endsWith("Starting workflow validation"));
    }

    @Test
    @Order(4)
    void sigtermTurnsReadinessTo503FinishesInFlightRequestsThenExits() throws Exception {
        Http http = new Http(port);
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> http.get("/test/slow?ms=3000"));
        Thread.sleep(700);
        long t0 = System.nanoTime();
        server.destroy(); // SIGTERM
        int readiness = 0;
        while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2)) {
            readiness = http.get("/health/readiness").statusCode();
            if (readiness == 503) {
                break;
            }
            Thread.sleep(20);
        }
        assertThat(readiness).as("readiness during the drain").isEqualTo(503);
        assertThat(slow.isDone()).as("the slow request is still running during the drain").isFalse();
        HttpResponse<String> done = slow.get(20, TimeUnit.SECONDS);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).isEqualTo("{\"slept_ms\":3000}");
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("the process exits").isTrue();
        assertThat(server.exitValue()).isIn(0, 143);
        assertThat(ChildJvm.read(work.resolve("stdout.txt"))).contains("Shutting down: readiness now 503");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
    }
}
