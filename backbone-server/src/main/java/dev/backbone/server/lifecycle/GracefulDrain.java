package dev.backbone.server.lifecycle;

import dev.backbone.server.config.Settings;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The first half of a graceful shutdown. On SIGTERM the context starts closing: readiness turns
 * 503 at once ({@link ServerState#beginDraining()}), then, while the server still accepts
 * connections (so probes see the 503 and load balancers move away), this lifecycle waits
 * {@code SHUTDOWN_DELAY} and until every request in flight at that moment has finished, at most
 * {@code SHUTDOWN_TIMEOUT}; requests still running then are cancelled ({@link Cancellation}), so
 * their work stops instead of running on while the context closes. Only then does Tomcat's own
 * graceful stop (a later phase) close the port and wait for the rest.
 *
 * <p>Draining starts with {@link ContextClosedEvent} only: a context may also be stopped and
 * started again (Spring pauses idle test contexts), and that must not leave readiness at 503.
 */
public final class GracefulDrain implements SmartLifecycle, ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(GracefulDrain.class);

    private final ServerState state;
    private final InFlightRequests inFlight;
    private final Duration delay;
    private final Duration timeout;
    private volatile boolean running;

    public GracefulDrain(ServerState state, InFlightRequests inFlight, Settings settings) {
        this.state = state;
        this.inFlight = inFlight;
        this.delay = settings.server().shutdownDelay();
        this.timeout = settings.server().shutdownTimeout();
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (!state.draining()) {
            state.beginDraining();
            log.info("Shutting down: readiness now 503, draining {} in-flight request(s)", inFlight.count());
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        drain();
        running = false;
    }

    @Override
    public void stop(Runnable callback) {
        Thread t = new Thread(() -> {
            try {
                drain();
            } finally {
                running = false;
                callback.run();
            }
        }, "backbone-drain");
        t.setDaemon(true);
        t.start();
    }

    /** Waits only on a real shutdown: a plain {@code stop()} (a paused test context) is not one. */
    private void drain() {
        if (!state.draining()) {
            return;
        }
        long cutoff = inFlight.cutoff();
        long start = System.nanoTime();
        long minEnd = start + delay.toNanos();
        long deadline = start + Math.max(timeout.toNanos(), delay.toNanos());
        try {
            while (System.nanoTime() < deadline && (System.nanoTime() < minEnd || !inFlight.drained(cutoff))) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!inFlight.drained(cutoff)) {
            int n = inFlight.cancel(cutoff);
            log.warn("Shutdown timeout ({} s) reached with {} request(s) still running: cancelling them", timeout.toSeconds(), n);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown (higher phases stop first). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
