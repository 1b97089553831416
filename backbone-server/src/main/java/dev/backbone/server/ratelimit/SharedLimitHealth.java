package dev.backbone.server.ratelimit;

import dev.backbone.server.redis.RedisConnector;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the shared rate-limit store answers, as the requests found it: counted in
 * {@code backbone_rate_limit_backend_errors_total}, shown by {@code backbone_rate_limit_backend_up}
 * and by the readiness component {@code rate_limiter}. An outage is logged once when it starts
 * and once when it ends, not once per request.
 */
public final class SharedLimitHealth {

    private static final Logger log = LoggerFactory.getLogger(SharedLimitHealth.class);

    private final Counter errors;
    private final AtomicLong up = new AtomicLong(1);
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final AtomicLong failingSince = new AtomicLong();

    public SharedLimitHealth(MeterRegistry registry) {
        this.errors = Counter.builder("backbone_rate_limit_backend_errors")
                .description("Rate-limit decisions the shared store (Redis) failed to answer").register(registry);
        Gauge.builder("backbone_rate_limit_backend_up", up, AtomicLong::get)
                .description("1 while the shared rate-limit store (Redis) answers, 0 while it does not").register(registry);
    }

    void succeeded() {
        if (up.get() == 0 && up.compareAndSet(0, 1)) {
            log.info("Rate limiter: Redis answers again; limits are shared across replicas");
        }
    }

    void failed(RuntimeException e) {
        errors.increment();
        lastError.set(RedisConnector.rootMessage(e));
        if (up.compareAndSet(1, 0)) {
            failingSince.set(System.currentTimeMillis());
            log.warn("Rate limiter: Redis does not answer ({}); RATE_LIMIT_FAIL_OPEN decides until it does", lastError.get());
        }
    }

    /** True while the last decision reached the store. */
    public boolean up() {
        return up.get() == 1;
    }

    public String lastError() {
        return lastError.get();
    }

    public long failingSinceMillis() {
        return up() ? 0 : failingSince.get();
    }
}
