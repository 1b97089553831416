package dev.backbone.server.metrics;

/**
 * Where the rate limiter reports a refused request, so {@code backbone_rate_limit_rejections_total}
 * counts it. {@code limit} is one of {@link #LIMITS} (others count as {@code other}).
 */
public interface RateLimitEvents {

    /** The contract's limits: public 20/min, authenticated 100/min, generation 10/min and 50/h, validation 50/min. */
    java.util.List<String> LIMITS = java.util.List.of("public", "authenticated", "generation", "validation");

    /** Nothing is recorded (metrics disabled). */
    RateLimitEvents NONE = limit -> {};

    void rejected(String limit);
}
