package dev.backbone.server.security;

import dev.backbone.server.ratelimit.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The rate-limit decision of one speculative request, between {@link ApiGuard} (which sends it)
 * and {@link SpeculativeLimitFilter} (which reads it once the route has run), kept as a request
 * attribute. Present only on requests the filter buffers.
 */
public final class SpeculativeLimit {

    static final String ATTRIBUTE = SpeculativeLimit.class.getName();

    private RateLimiter.Pending pending;

    /** The slot of this request, or null when it is not buffered (then the guard waits for Redis itself). */
    static SpeculativeLimit of(HttpServletRequest request) {
        return (SpeculativeLimit) request.getAttribute(ATTRIBUTE);
    }

    void await(RateLimiter.Pending p) {
        this.pending = p;
    }

    /** The decision still to read, or null when the guard answered without one. */
    RateLimiter.Pending pending() {
        return pending;
    }

    /**
     * Waits for this request's rate-limit verdict; call it before anything a refused request must
     * not do (a paid LLM call). Does nothing on requests that are not speculative.
     *
     * @throws Refused when the request is refused: the filter answers the 429
     */
    public static void settle(HttpServletRequest request) {
        SpeculativeLimit s = of(request);
        if (s != null && s.pending != null && !s.pending.verdict().admitted()) {
            throw new Refused();
        }
    }

    /** The request was refused while it ran: it stops, and {@link SpeculativeLimitFilter} answers the usual 429. */
    public static final class Refused extends RuntimeException {
        Refused() {
            super("refused by the rate limit", null, false, false);
        }
    }
}
