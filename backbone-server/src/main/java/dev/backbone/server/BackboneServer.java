package dev.backbone.server;

import dev.backbone.server.config.ConfigurationException;
import dev.backbone.server.config.SettingNames;
import dev.backbone.server.config.Settings;
import dev.backbone.server.config.SettingsLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Entry point of {@code backbone-ai serve}: checks the configuration and the ports first (so a
 * bad value or a busy port is one line on stderr, exit code 1, before Spring prints anything),
 * starts the service, and blocks until it has shut down (SIGTERM, Ctrl-C: graceful).
 */
public final class BackboneServer {

    private static final String PREFIX = "backbone-ai serve: ";

    private BackboneServer() {}

    /** Runs the service without the CLI ({@code java -cp ... dev.backbone.server.BackboneServer}). */
    public static void main(String[] args) {
        System.exit(serve(args));
    }

    /**
     * Starts the service and blocks until shutdown.
     *
     * @param args {@code NAME=value} settings that win over the environment and {@code .env}
     *     (the CLI maps its options onto them, e.g. {@code API_PORT=9000})
     * @return 0 after a clean shutdown, 1 when the service could not start
     */
    public static int serve(String[] args) {
        return serve(args, System.err);
    }

    static int serve(String[] args, PrintStream err) {
        long t0 = System.nanoTime();
        Map<String, String> overrides = new HashMap<>();
        for (String a : args == null ? new String[0] : args) {
            int eq = a.indexOf('=');
            if (eq <= 0 || !a.substring(0, eq).matches("[A-Z][A-Z0-9_]*")) {
                err.println(PREFIX + "unexpected argument '" + a + "' (settings are NAME=value, e.g. API_PORT=9000)");
                return 1;
            }
            overrides.put(a.substring(0, eq), a.substring(eq + 1));
        }
        Settings settings;
        try {
            Set<String> names = new HashSet<>(System.getenv().keySet());
            names.addAll(overrides.keySet());
            settings = SettingsLoader.load(n -> overrides.containsKey(n) ? overrides.get(n) : System.getenv(n), names,
                    Path.of(".env"));
            for (String warning : SettingNames.startupWarnings(overrides, Path.of(".env"))) {
                err.println(PREFIX + "warning: " + warning);
            }
            checkPort("API_PORT", settings.server().host(), settings.server().port());
            if (settings.metrics().separatePort()) {
                checkPort("METRICS_PORT", settings.server().host(), settings.metrics().port());
            }
        } catch (ConfigurationException e) {
            err.println(PREFIX + e.getMessage());
            return 1;
        }
        ConfigurableApplicationContext context;
        CountDownLatch closing = new CountDownLatch(1);
        try {
            SpringApplication app = new SpringApplication(BackboneApplication.class);
            app.setDefaultProperties(Map.of(
                    // Start-up failures are reported here as one line; Spring's own report would repeat them with a trace.
                    "logging.level.org.springframework.boot.SpringApplication", "OFF",
                    "logging.level.org.springframework.boot.diagnostics", "OFF",
                    "logging.level.org.apache.catalina.core.StandardService", "OFF",
                    "logging.level.org.apache.catalina.util.LifecycleBase", "OFF"));
            app.addListeners((ContextClosedEvent e) -> closing.countDown());
            List<String> springArgs = new ArrayList<>();
            overrides.forEach((k, v) -> springArgs.add("--" + k + "=" + v));
            context = app.run(springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            err.println(PREFIX + startupFailure(e, settings));
            return 1;
        }
        Logger log = LoggerFactory.getLogger(BackboneServer.class);
        int port = context instanceof WebServerApplicationContext w ? w.getWebServer().getPort() : settings.server().port();
        log.info("{} {} listening on http://{}:{} (environment {}, ready in {} ms)", settings.app().name(),
                settings.app().version(), settings.server().host(), port, settings.app().environment(),
                (System.nanoTime() - t0) / 1_000_000);
        String environmentNote = SettingNames.environmentNote(overrides, Path.of(".env"), settings);
        if (environmentNote != null) {
            log.info(environmentNote);
        }
        drainOnSignals(context);
        awaitShutdown(context, closing, settings);
        return 0;
    }

    /**
     * SIGTERM and Ctrl-C close the context here (Spring's graceful drain) instead of through the
     * JVM's shutdown: a JVM ended by the signal exits with 143 (130), but a drained service has
     * stopped cleanly and {@link #serve} returns 0. Without signal support (e.g. {@code -Xrs})
     * Spring's shutdown hook still drains.
     */
    @SuppressWarnings("sunapi")
    private static void drainOnSignals(ConfigurableApplicationContext context) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> new Thread(context::close, "backbone-drain").start());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // this signal is not ours to handle here: the JVM's default applies
            }
        }
    }

    /** Waits for the context to start closing (SIGTERM, Ctrl-C), then for the close to finish. */
    private static void awaitShutdown(ConfigurableApplicationContext context, CountDownLatch closing, Settings settings) {
        try {
            closing.await();
            long limit = System.nanoTime() + settings.server().shutdownTimeout().multipliedBy(2).plusSeconds(10).toNanos();
            while (context.isActive() && System.nanoTime() < limit) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void checkPort(String variable, String host, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(host, port));
        } catch (BindException e) {
            throw new ConfigurationException(variable + "=" + port + ": port " + port + " on " + host + " is already in use");
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            throw new ConfigurationException(variable + "=" + port + ": cannot listen on " + host + ":" + port + " ("
                    + e.getMessage() + "; check API_HOST)");
        }
    }

    /** One line for a failure during start-up: ours (configuration), a busy port, or the root cause. */
    static String startupFailure(Throwable e, Settings settings) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException) {
                return t.getMessage();
            }
            if (t instanceof PortInUseException p) {
                return "API_PORT=" + p.getPort() + ": port " + p.getPort() + " on " + settings.server().host()
                        + " is already in use";
            }
            root = t;
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        return "failed to start (" + root.getClass().getSimpleName() + message + ")";
    }
}
