package dev.backbone.server.ratelimit;

import dev.backbone.server.health.HealthCheck;
import dev.backbone.server.health.HealthStatus;
import dev.backbone.server.redis.RedisConnector;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The readiness component {@code rate_limiter}: where the windows are counted, and whether that
 * store answers. Redis down is {@code degraded}, never {@code unhealthy}: the service still
 * answers (per replica, or with 429 under {@code RATE_LIMIT_FAIL_OPEN=false}), and taking every
 * replica out of the load balancer because a shared counter is unreachable would be worse.
 */
final class RateLimiterHealthCheck implements HealthCheck {

    private final RedisConnector redis;
    private final SharedLimitHealth health;
    private final boolean failOpen;

    /** @param redis null when the windows are in memory */
    RateLimiterHealthCheck(RedisConnector redis, SharedLimitHealth health, boolean failOpen) {
        this.redis = redis;
        this.health = health;
        this.failOpen = failOpen;
    }

    @Override
    public String name() {
        return "rate_limiter";
    }

    @Override
    public Result check() {
        Map<String, Object> meta = new LinkedHashMap<>();
        if (redis == null) {
            meta.put("backend", "memory");
            return new Result(HealthStatus.HEALTHY, "Rate limits counted in this replica's memory (no RATE_LIMIT_REDIS_URL)",
                    meta);
        }
        meta.put("backend", "redis");
        meta.put("redis", redis.address());
        meta.put("fail_open", failOpen);
        if (redis.ping()) {
            health.succeeded();
            return new Result(HealthStatus.HEALTHY, "Rate limits shared through Redis", meta);
        }
        meta.put("last_error", health.lastError());
        return new Result(HealthStatus.DEGRADED, "Redis does not answer: " + (failOpen
                ? "each replica counts in its own memory (RATE_LIMIT_FAIL_OPEN=true)"
                : "limited requests are refused with 429 (RATE_LIMIT_FAIL_OPEN=false)"), meta);
    }
}
