package dev.backbone.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.ServerTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A client that sends the headers and half a body, then closes its side, or stops sending:
 * an abort is one INFO line and no answer; a stall is a 408 after {@code REQUEST_READ_TIMEOUT}.
 * A client that sends the whole request and hangs up before the answer (its own timeout) is one
 * INFO line too. None writes an ERROR or a stack trace. Raw sockets, since an HTTP client always finishes
 * its body.
 */
@ServerTest
@TestPropertySource(properties = "REQUEST_READ_TIMEOUT=1s")
class UploadFaultsTest {

    static final Path APP_LOG = Path.of("target/test-logs/app.log");

    @LocalServerPort
    int port;

    private Socket halfUpload(String id, String route) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(15_000);
        String half = "{\"schema\": {\"project_name\": \"Half\", \"db_type\": \"sqlite\", \"schema\": [";
        String head = "POST " + route + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "X-Request-ID: " + id + "\r\nContent-Length: 4000\r\n\r\n";
        OutputStream out = s.getOutputStream();
        out.write((head + half).getBytes(StandardCharsets.UTF_8));
        out.flush();
        return s;
    }

    private static String readAll(Socket s) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        int n;
        try {
            while ((n = in.read(buf)) >= 0) {
                b.write(buf, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what arrived so far is the answer
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private static List<String> logOf(String id) throws Exception {
        for (int i = 0; i < 50; i++) {
            List<String> lines = Files.readAllLines(APP_LOG).stream().filter(l -> l.contains(id)).toList();
            if (!lines.isEmpty()) {
                return lines;
            }
            Thread.sleep(100);
        }
        return List.of();
    }

    private static long logCount(String text) throws IOException {
        return Files.exists(APP_LOG) ? Files.readAllLines(APP_LOG).stream().filter(l -> l.contains(text)).count() : 0;
    }

    @Test
    void anAbortedUploadIsOneInfoLineAndNothingAnswered() throws Exception {
        for (String route : new String[] {"/api/v1/validate", "/api/v1/generate"}) {
            String id = "abort-" + UUID.randomUUID();
            long traces = logCount("ClientAbortException") + logCount("\tat ");
            String answer;
            try (Socket s = halfUpload(id, route)) {
                s.shutdownOutput();
                answer = readAll(s);
            }
            assertThat(answer).as(route).isEmpty();
            List<String> lines = problemLines(id);
            assertThat(lines).as(route).hasSize(1);
            assertThat(lines.get(0)).contains("INFO").contains("client closed the connection")
                    .doesNotContain("AbortException").doesNotContain("EOFException");
            Thread.sleep(300);
            assertThat(problemLines(id)).as(route + ": still one line").hasSize(1);
            assertThat(accessLines(id)).as(route + ": and the request's one access line").hasSize(1);
            assertThat(logCount("ClientAbortException") + logCount("\tat ")).as("no stack trace").isEqualTo(traces);
        }
    }

    @Test
    void aClientGoneBeforeTheAnswerIsOneInfoLine() throws Exception {
        String body = "{\"schema\": " + Files.readString(Path.of(System.getenv("BACKBONE_PROJECT_ROOT"), "examples/blog_schema.json")) + "}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 5; attempt++) {
            String id = "gone-" + UUID.randomUUID();
            long traces = logCount("\tat ");
            long errors = logCount(" ERROR ");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                String head = "POST /api/v1/generate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "X-Request-ID: " + id + "\r\nContent-Length: " + bytes.length + "\r\n\r\n";
                OutputStream out = s.getOutputStream();
                out.write(head.getBytes(StandardCharsets.UTF_8));
                out.write(bytes);
                out.flush();
                s.setSoLinger(true, 0); // close with a reset: the server's write of the answer fails
            }
            List<String> access = accessLines(id);
            assertThat(access).hasSize(1);
            assertThat(logCount(" ERROR ")).as("no ERROR line").isEqualTo(errors);
            assertThat(logCount("\tat ")).as("no stack trace").isEqualTo(traces);
            List<String> lines = problemLines(id).stream().filter(l -> !l.contains(WORKFLOW_LOGGER)).toList();
            if (!lines.isEmpty()) {
                // the write failed (else the answer fitted in the socket's buffer before the reset arrived)
                assertThat(lines).hasSize(1);
                assertThat(lines.get(0)).contains("INFO").contains("client closed the connection before the answer was written");
                return;
            }
        }
        throw new AssertionError("in 5 attempts the server never noticed the client had gone; the test proves nothing");
    }

    @Test
    void aStalledUploadIsA408AfterTheReadTimeout() throws Exception {
        String id = "stall-" + UUID.randomUUID();
        long start = System.nanoTime();
        String answer;
        try (Socket s = halfUpload(id, "/api/v1/validate")) {
            answer = readAll(s);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(answer).startsWith("HTTP/1.1 408");
        assertThat(answer).contains("\"error\":\"Request timeout\"").contains("REQUEST_READ_TIMEOUT").contains(id);
        assertThat(millis).as("answered after about the 1 s timeout, not Tomcat's 60 s").isLessThan(10_000);
        List<String> lines = problemLines(id);
        assertThat(lines).hasSize(1).allMatch(l -> l.contains("INFO") && l.contains("REQUEST_READ_TIMEOUT")
                && !l.contains("AbortException") && !l.contains("TimeoutException"));
        assertThat(accessLines(id)).hasSize(1).allMatch(l -> l.contains(" 408 "));
    }

    /** The request's lines besides its access line (every request writes one, see AccessLogFilter). */
    private List<String> problemLines(String id) throws Exception {
        return logOf(id).stream().filter(l -> !l.contains(ACCESS_LOGGER)).toList();
    }

    /** The request's access line(s), waited for: the line is written once the exchange has ended. */
    private List<String> accessLines(String id) throws Exception {
        List<String> lines = List.of();
        for (int i = 0; i < 50 && lines.isEmpty(); i++) {
            lines = logOf(id).stream().filter(l -> l.contains(ACCESS_LOGGER)).toList();
            if (lines.isEmpty()) {
                Thread.sleep(100);
            }
        }
        return lines;
    }

    private static final String ACCESS_LOGGER = "dev.backbone.access";
    private static final String WORKFLOW_LOGGER = "dev.backbone.workflow";
}
