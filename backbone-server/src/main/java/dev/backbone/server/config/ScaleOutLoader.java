package dev.backbone.server.config;

import java.time.Duration;

/** Reads {@link ScaleOut} for {@link SettingsLoader}: the Redis URLs are checked here so a typo stops start-up. */
final class ScaleOutLoader {

    private ScaleOutLoader() {}

    static ScaleOut load(Values v) {
        Secret redis = redisUrl(v, "REDIS_URL");
        Secret limiter = redisUrl(v, "RATE_LIMIT_REDIS_URL");
        ScaleOut.Jobs d = ScaleOut.Jobs.DEFAULTS;
        ScaleOut.Jobs jobs = new ScaleOut.Jobs(
                v.integer("JOBS_CONCURRENCY", d.concurrency(), 1, 256),
                v.integer("JOBS_MAX_QUEUED", d.maxQueued(), 1, 1_000_000),
                atLeast(v, "JOBS_RESULT_TTL", d.resultTtl(), Duration.ofSeconds(1)),
                atLeast(v, "JOBS_CLAIM_TIMEOUT", d.claimTimeout(), Duration.ofMillis(500)));
        String prefix = v.string("REDIS_KEY_PREFIX", ScaleOut.LOCAL.keyPrefix());
        return new ScaleOut(limiter.isSet() ? limiter : redis, redis, prefix,
                atLeast(v, "REDIS_TIMEOUT", ScaleOut.LOCAL.redisTimeout(), Duration.ofMillis(10)),
                v.bool("RATE_LIMIT_FAIL_OPEN", true), jobs);
    }

    private static Duration atLeast(Values v, String name, Duration def, Duration min) {
        Duration d = v.duration(name, def, Duration.ofDays(30));
        if (d.compareTo(min) < 0) {
            v.problem(name + " must be at least " + min.toMillis() + " ms");
            return def;
        }
        return d;
    }

    /** A {@code redis://} or {@code rediss://} URL; the value is a secret (it may hold a password), so a problem never echoes it. */
    private static Secret redisUrl(Values v, String name) {
        Secret s = v.secret(name);
        if (!s.isSet()) {
            return s;
        }
        String url = s.value().strip();
        if (!(url.startsWith("redis://") || url.startsWith("rediss://"))) {
            v.problem(name + " is not a redis:// or rediss:// URL");
            return Secret.NONE;
        }
        try {
            dev.backbone.server.redis.RedisConnector.parse(url);
        } catch (IllegalArgumentException e) {
            v.problem(name + " is not a valid Redis URL (redis://[:password@]host[:port][/database])");
            return Secret.NONE;
        }
        return new Secret(url);
    }
}
