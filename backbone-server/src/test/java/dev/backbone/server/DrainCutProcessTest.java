package dev.backbone.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.ChildJvm;
import dev.backbone.server.support.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drain cut short by {@code SHUTDOWN_TIMEOUT}: the requests still running are cancelled (a
 * 503 at once, their work stopped), the process exits promptly, and the log has no ERROR line.
 * A real child JVM and a real SIGTERM.
 */
class DrainCutProcessTest {

    @TempDir
    Path work;

    @Test
    void aCutDrainCancelsTheWorkStillRunning() throws Exception {
        int port = ChildJvm.freePort();
        Process server = ChildJvm.start(work, Map.of("API_HOST", "127.0.0.1", "API_PORT", Integer.toString(port),
                "BACKBONE_TEST_FAULTS", "true", "SHUTDOWN_TIMEOUT", "1", "ENABLE_RATE_LIMITING", "false"),
                work.resolve("stdout.txt"), work.resolve("stderr.txt"));
        try {
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
            CompletableFuture<HttpResponse<String>> busy = CompletableFuture.supplyAsync(() -> http.get("/test/busy?ms=25000"));
            CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> http.get("/test/slow?ms=25000"));
            Thread.sleep(1000);
            long t0 = System.nanoTime();
            server.destroy(); // SIGTERM
            HttpResponse<String> computing = busy.get(20, TimeUnit.SECONDS);
            HttpResponse<String> waiting = slow.get(20, TimeUnit.SECONDS);
            Duration answered = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(computing.statusCode()).as(computing.body()).isEqualTo(503);
            assertThat(computing.body()).contains("SHUTDOWN_TIMEOUT").doesNotContain("runs");
            assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(503);
            assertThat(answered).as("answered when the 1 s drain ran out, not after 25 s of work").isLessThan(Duration.ofSeconds(8));
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("the process exits").isTrue();
            String log = ChildJvm.read(work.resolve("stdout.txt"));
            assertThat(log).contains("reached with 2 request(s) still running: cancelling them")
                    .contains("GET /test/busy: cancelled").contains("GET /test/slow: cancelled");
            assertThat(log.lines().filter(l -> l.contains("| ERROR")).toList()).as("no ERROR lines").isEmpty();
            assertThat(log).doesNotContain("\tat ");
        } finally {
            server.destroyForcibly();
        }
    }
}
