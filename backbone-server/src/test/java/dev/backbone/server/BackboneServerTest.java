package dev.backbone.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code serve} refuses bad settings and busy ports with one line on stderr and exit code 1, before Spring starts. */
class BackboneServerTest {

    private record Run(int code, List<String> err) {}

    private static Run serve(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = BackboneServer.serve(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(code, bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void aPortThatIsNotANumber() {
        Run r = serve("API_PORT=abc");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).singleElement().asString()
                .isEqualTo("backbone-ai serve: invalid configuration: API_PORT='abc' is not a port number (1-65535)");
    }

    @Test
    void anUnknownProvider() {
        Run r = serve("DEFAULT_LLM_PROVIDER=watson", "API_HOST=127.0.0.1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).singleElement().asString().contains("DEFAULT_LLM_PROVIDER='watson' is not a known LLM provider");
    }

    @Test
    void aPortAlreadyInUse() throws IOException {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = busy.getLocalPort();
            Run r = serve("API_HOST=127.0.0.1", "API_PORT=" + port);
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).singleElement().asString()
                    .isEqualTo("backbone-ai serve: API_PORT=" + port + ": port " + port + " on 127.0.0.1 is already in use");
        }
    }

    @Test
    void aMetricsPortAlreadyInUse() throws IOException {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = busy.getLocalPort();
            Run r = serve("API_HOST=127.0.0.1", "API_PORT=" + ChildJvm.freePort(), "METRICS_PORT=" + port);
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).singleElement().asString().contains("METRICS_PORT=" + port + ": port " + port + " on 127.0.0.1 is already in use");
        }
    }

    /** {@code serve LOG_LEVL=DEBUG}: the user sees the typo named, with the setting meant, before anything starts. */
    @Test
    void aMisspeltSettingIsWarnedWithTheNearestName() throws IOException {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = busy.getLocalPort();
            Run r = serve("LOG_LEVL=DEBUG", "RATE_LIMT_PUBLIC=5", "API_HOST=127.0.0.1", "API_PORT=" + port);
            assertThat(r.err()).containsExactly(
                    "backbone-ai serve: warning: unknown setting LOG_LEVL on the command line: did you mean LOG_LEVEL?"
                            + " It is ignored (the settings are listed in docs/configuration.md).",
                    "backbone-ai serve: warning: unknown setting RATE_LIMT_PUBLIC on the command line: did you mean"
                            + " RATE_LIMIT_PUBLIC? It is ignored (the settings are listed in docs/configuration.md).",
                    "backbone-ai serve: API_PORT=" + port + ": port " + port + " on 127.0.0.1 is already in use");
        }
    }

    @Test
    void anArgumentThatIsNotASetting() {
        Run r = serve("--port", "9000");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).singleElement().asString().contains("unexpected argument '--port'");
    }

    @Test
    void startupFailuresAreOneLine() {
        var settings = dev.backbone.server.config.SettingsLoader.load(n -> null, java.util.Set.of(), null);
        String line = BackboneServer.startupFailure(new RuntimeException("outer",
                new org.springframework.boot.web.server.PortInUseException(8123)), settings);
        assertThat(line).isEqualTo("API_PORT=8123: port 8123 on 0.0.0.0 is already in use");
        assertThat(BackboneServer.startupFailure(new IllegalStateException("boom\nsecond line"), settings))
                .isEqualTo("failed to start (IllegalStateException: boom)");
    }
}
