package dev.backbone.server.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.backbone.server.config.ConfigurationException;
import dev.backbone.server.config.Settings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * With {@code METRICS_PORT} set, {@code /metrics} is served on that port as well as on the API
 * port (so a network policy can expose metrics without the API, while the guide's scrape of
 * {@code localhost:8000/metrics} keeps working). A small JDK HTTP server, one thread: it only
 * serves scrapes, and Prometheus scrapes one at a time. A port already in use stops start-up.
 */
public final class MetricsPortServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MetricsPortServer.class);

    private final PrometheusMeterRegistry registry;
    private final String host;
    private final int port;
    private HttpServer server;
    private ExecutorService executor;

    public MetricsPortServer(PrometheusMeterRegistry registry, Settings settings) {
        this.registry = registry;
        this.host = settings.server().host();
        this.port = settings.metrics().port();
    }

    @Override
    public void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (BindException e) {
            throw new ConfigurationException("METRICS_PORT=" + port + ": port " + port + " on " + host + " is already in use");
        } catch (IOException e) {
            throw new ConfigurationException("METRICS_PORT=" + port + ": cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
        }
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "backbone-metrics-port");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        log.info("Metrics also served on http://{}:{}/metrics", host, port);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String id = UUID.randomUUID().toString();
        exchange.getResponseHeaders().set("X-Request-ID", id);
        try (exchange) {
            if (!"/metrics".equals(exchange.getRequestURI().getPath())) {
                byte[] body = ("{\"error\":\"Not found\",\"message\":\"this port serves only /metrics\",\"request_id\":\""
                        + id + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            String type = MetricsExposition.contentType(exchange.getRequestHeaders().getFirst("Accept"));
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            registry.scrape(out, type);
            exchange.getResponseHeaders().set("Content-Type", type);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(200, head ? -1 : out.size());
            if (!head) {
                try (OutputStream body = exchange.getResponseBody()) {
                    out.writeTo(body);
                }
            }
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** Starts with the web server's phase group, stops after the drain. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
