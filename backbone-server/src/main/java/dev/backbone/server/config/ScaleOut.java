package dev.backbone.server.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What replicas share: the Redis that holds the rate-limit windows and the jobs queue, and how
 * each replica runs jobs. Without a Redis URL everything is in-process, as for one replica.
 *
 * @param rateLimitRedis {@code RATE_LIMIT_REDIS_URL}, else {@code REDIS_URL}; {@link Secret#NONE} when neither is set
 * @param jobsRedis {@code REDIS_URL}; {@link Secret#NONE} keeps the jobs queue in-process
 * @param keyPrefix {@code REDIS_KEY_PREFIX} ({@code backbone:}): every key this service writes starts with it
 * @param redisTimeout {@code REDIS_TIMEOUT} (1 s): a command that takes longer counts as Redis down
 * @param failOpen {@code RATE_LIMIT_FAIL_OPEN} (true): with Redis unreachable, each replica counts in its own
 *     memory (true) or refuses with 429 (false)
 * @param jobs the jobs settings
 */
public record ScaleOut(Secret rateLimitRedis, Secret jobsRedis, String keyPrefix, Duration redisTimeout, boolean failOpen,
        Jobs jobs) {

    public ScaleOut {
        Objects.requireNonNull(rateLimitRedis);
        Objects.requireNonNull(jobsRedis);
        Objects.requireNonNull(keyPrefix);
        Objects.requireNonNull(jobs);
    }

    /** In-process everything, the defaults. */
    public static final ScaleOut LOCAL = new ScaleOut(Secret.NONE, Secret.NONE, "backbone:", Duration.ofSeconds(1), true,
            Jobs.DEFAULTS);

    /**
     * @param concurrency {@code JOBS_CONCURRENCY} (2): jobs one replica runs at once
     * @param maxQueued {@code JOBS_MAX_QUEUED} (1000): jobs waiting at most; past it a submission is a 503 with Retry-After
     * @param resultTtl {@code JOBS_RESULT_TTL} (1 h): how long a finished job and its result stay readable
     * @param claimTimeout {@code JOBS_CLAIM_TIMEOUT} (60 s): a job whose replica has not reported for this long is
     *     taken over by another replica
     */
    public record Jobs(int concurrency, int maxQueued, Duration resultTtl, Duration claimTimeout) {

        public static final Jobs DEFAULTS = new Jobs(2, 1000, Duration.ofHours(1), Duration.ofSeconds(60));
    }
}
