package dev.backbone.server.support;

import dev.backbone.core.testsupport.Requirements;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The Redis the tests share ({@code BACKBONE_TEST_REDIS_URL}, default 127.0.0.1:6379; a test
 * uses its own key prefix from {@link #uniquePrefix}), and throwaway {@code redis-server}s on a
 * random port for the tests that stop Redis mid-test: the shared one is never stopped.
 */
public final class TestRedis {

    private TestRedis() {}

    /** The shared Redis URL; skips the test (fails in CI) when nothing answers there. */
    public static String sharedUrl() {
        String url = Requirements.env("BACKBONE_TEST_REDIS_URL", "redis://127.0.0.1:6379");
        URI u = URI.create(url);
        Requirements.require(answers(u.getHost(), u.getPort() < 0 ? 6379 : u.getPort()), "Redis at " + url
                + " (BACKBONE_TEST_REDIS_URL; ../shared/tools/services.sh start redis)");
        return url;
    }

    /** A prefix no other test run uses. */
    public static String uniquePrefix(String test) {
        return "backbone-test:" + test + ":" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    /** PING over a plain socket (RESP inline command). */
    public static boolean answers(String host, int port) {
        return "+PONG".equals(ping(host, port));
    }

    /** The first line of the answer to an inline PING ({@code +PONG}, or {@code -NOAUTH ...} with a password), or null. */
    private static String ping(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\r' && line.length() < 200; c = in.read()) {
                line.append((char) c);
            }
            return line.isEmpty() ? null : line.toString();
        } catch (IOException e) {
            return null;
        }
    }

    /** A redis-server of the test's own, on a random loopback port, without persistence. */
    public static final class Throwaway implements AutoCloseable {
        public final int port;
        private Process process;
        private final Path dir;
        private final List<String> options;

        private Throwaway(Path dir, List<String> options) {
            this.dir = dir;
            this.port = ChildJvm.freePort();
            this.options = options;
        }

        /**
         * Starts one; skips (fails in CI) when {@code redis-server} is not installed.
         *
         * @param options more of redis-server's options ({@code "--requirepass", "secret"})
         */
        public static Throwaway start(Path dir, String... options) {
            boolean installed = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server").stream()
                    .anyMatch(p -> new java.io.File(p).canExecute());
            Requirements.require(installed, "redis-server (apt-get install redis-server)");
            Throwaway t = new Throwaway(dir, List.of(options));
            t.startProcess();
            return t;
        }

        public String url() {
            return "redis://127.0.0.1:" + port;
        }

        private void startProcess() {
            try {
                java.nio.file.Files.createDirectories(dir);
                List<String> command = new java.util.ArrayList<>(List.of("redis-server", "--bind", "127.0.0.1", "--port",
                        Integer.toString(port), "--save", "", "--appendonly", "no", "--dir", dir.toString()));
                command.addAll(options);
                process = new ProcessBuilder(command)
                        .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ping("127.0.0.1", port) == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("redis-server did not start on " + port);
                }
                Replica.sleep(50);
            }
        }

        /** Stops this server (SIGKILL: an outage, not a clean shutdown). */
        public void stop() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }

        /** Starts it again on the same port. */
        public void restart() {
            startProcess();
        }

        @Override
        public void close() throws InterruptedException {
            if (process != null && process.isAlive()) {
                stop();
            }
        }
    }
}
