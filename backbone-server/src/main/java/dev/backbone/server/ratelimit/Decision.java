package dev.backbone.server.ratelimit;

/**
 * One limit's answer for one request.
 *
 * @param limiter the limit that answered
 * @param key the window it counted in (the client, or the shared overflow window)
 * @param admitted whether the request fitted
 * @param remaining requests left in the window after this one
 * @param windowStart when the window opened (epoch millis)
 * @param resetAt when the window ends and the full allowance is back (epoch millis)
 * @param now when the decision was made (epoch millis)
 */
public record Decision(FixedWindowLimiter limiter, String key, boolean admitted, int remaining, long windowStart,
        long resetAt, long now) {

    public String limit() {
        return limiter.name();
    }

    public int max() {
        return limiter.max();
    }

    /** Whole seconds until the window ends, at least 1 (what {@code Retry-After} says). */
    public long secondsToReset() {
        return Math.max(1, (resetAt - now + 999) / 1000);
    }

    /** The end of the window in epoch seconds, rounded up (what {@code X-RateLimit-Reset} says). */
    public long resetEpochSeconds() {
        return (resetAt + 999) / 1000;
    }
}
