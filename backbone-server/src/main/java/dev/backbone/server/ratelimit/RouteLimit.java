package dev.backbone.server.ratelimit;

/** The limit a route has on top of its client's general one. */
public enum RouteLimit {
    /** Only the client's general limit (public or authenticated). */
    NONE,
    /** {@code RATE_LIMIT_GENERATION_PER_MINUTE} and {@code RATE_LIMIT_GENERATION_PER_HOUR}. */
    GENERATION,
    /** {@code RATE_LIMIT_VALIDATION} per minute. */
    VALIDATION
}
