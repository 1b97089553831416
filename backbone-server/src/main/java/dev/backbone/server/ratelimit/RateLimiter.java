package dev.backbone.server.ratelimit;

import dev.backbone.server.config.Settings;
import dev.backbone.server.metrics.RateLimitEvents;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The contract's rate limits, per client: every {@code /api/v1} request counts against its
 * client's general limit ({@code public} by IP for clients without a valid credential,
 * {@code authenticated} by API key or JWT subject), and generation and validation also against
 * their route's limits ({@code generation} per minute and per hour, {@code validation} per
 * minute), each keyed by the same client.
 *
 * <p>A request is admitted only when every limit that applies has room; otherwise it takes
 * nothing from any of them (what one limit admitted is given back), so a refused request does
 * not eat a client's other allowances. Each refusal is counted once in
 * {@code backbone_rate_limit_rejections_total{limit}}.
 *
 * <p>With a shared store (Redis, {@link SharedWindows}) every replica counts in the same windows.
 * When the store does not answer, {@code RATE_LIMIT_FAIL_OPEN} decides: open (the default) counts
 * in this replica's own windows, as a single replica would; closed refuses with 429 until the
 * store is back. Either way the request never fails with a 5xx, and {@link SharedLimitHealth}
 * records the outage for readiness and the metrics.
 *
 * <p>{@link #send} starts a decision without waiting for Redis (the caller reads it later with
 * {@link Pending#verdict()}), so a route can run while the script travels; {@link #admit} waits.
 * A window Redis said is full is refused by this replica without Redis until it ends
 * ({@link FullWindows}).
 */
public final class RateLimiter {

    /** Windows kept per limit; about 150 bytes each, so at most a few MB per limit under a flood of clients. */
    public static final int MAX_CLIENTS = 20_000;

    private static final long MINUTE = 60_000;
    private static final long HOUR = 3_600_000;

    private final FixedWindowLimiter publicLimit;
    private final FixedWindowLimiter authenticated;
    private final FixedWindowLimiter generationMinute;
    private final FixedWindowLimiter generationHour;
    private final FixedWindowLimiter validation;
    private final RateLimitEvents events;
    private final LongSupplier clock;
    private final SharedWindows shared;
    private final boolean failOpen;
    private final SharedLimitHealth health;
    private final FullWindows full = new FullWindows();

    /** Counting in this replica's memory only. */
    public RateLimiter(Settings.RateLimits limits, RateLimitEvents events, LongSupplier clock) {
        this(limits, events, clock, null, true, null);
    }

    /**
     * Counting in a shared store.
     *
     * @param shared the shared windows; null counts in memory only
     * @param failOpen what a request gets while the store is down (see the class comment)
     * @param health where store outages are reported; not null when {@code shared} is set
     */
    public RateLimiter(Settings.RateLimits limits, RateLimitEvents events, LongSupplier clock, SharedWindows shared,
            boolean failOpen, SharedLimitHealth health) {
        this.clock = clock;
        this.shared = shared;
        this.failOpen = failOpen;
        this.health = health;
        this.publicLimit = new FixedWindowLimiter("public", limits.publicPerMinute(), MINUTE, MAX_CLIENTS, clock);
        this.authenticated = new FixedWindowLimiter("authenticated", limits.authenticatedPerMinute(), MINUTE, MAX_CLIENTS, clock);
        this.generationMinute = new FixedWindowLimiter("generation", limits.generationPerMinute(), MINUTE, MAX_CLIENTS, clock);
        this.generationHour = new FixedWindowLimiter("generation", limits.generationPerHour(), HOUR, MAX_CLIENTS, clock);
        this.validation = new FixedWindowLimiter("validation", limits.validationPerMinute(), MINUTE, MAX_CLIENTS, clock);
        this.events = events;
    }

    /** Whether the windows are shared through Redis (else counted in this replica's memory). */
    public boolean shared() {
        return shared != null;
    }

    /**
     * Admits or refuses one request, waiting for Redis's answer when the windows are shared.
     *
     * @param client who is asking: {@code ip:<address>} or the principal's key
     * @param authenticatedClient whether the general limit is {@code authenticated} (else {@code public})
     * @param route the route's own limit
     */
    public Verdict admit(String client, boolean authenticatedClient, RouteLimit route) {
        return send(client, authenticatedClient, route).verdict();
    }

    /**
     * Starts the decision for one request: with shared windows the script is sent to Redis and
     * its answer is read by {@link Pending#verdict()}, so the caller can do other work while it
     * travels. Answered at once in memory, during an outage, and when this replica already knows
     * a window of the client's is full until its end ({@link FullWindows}).
     */
    public Pending send(String client, boolean authenticatedClient, RouteLimit route) {
        List<FixedWindowLimiter> applying = new ArrayList<>(3);
        applying.add(authenticatedClient ? authenticated : publicLimit);
        switch (route) {
            case GENERATION -> {
                applying.add(generationMinute);
                applying.add(generationHour);
            }
            case VALIDATION -> applying.add(validation);
            case NONE -> { }
        }
        if (shared == null) {
            return new Pending(inMemory(applying, client));
        }
        long now = clock.getAsLong();
        List<Decision> known = full.refusals(applying, client, now);
        if (!known.isEmpty()) {
            return new Pending(verdict(known));
        }
        try {
            return new Pending(this, shared.send(applying, client, now), applying, client, now);
        } catch (RuntimeException e) {
            return new Pending(outage(applying, client, now, e));
        }
    }

    private Verdict settle(SharedWindows.Taking taking, List<FixedWindowLimiter> applying, String client, long now) {
        try {
            List<Decision> decisions = taking.decisions();
            health.succeeded();
            full.remember(decisions, now);
            return verdict(decisions);
        } catch (RuntimeException e) {
            return outage(applying, client, now, e);
        }
    }

    /** The store did not answer: {@code RATE_LIMIT_FAIL_OPEN} decides (see the class comment). */
    private Verdict outage(List<FixedWindowLimiter> applying, String client, long now, RuntimeException e) {
        health.failed(e);
        if (!failOpen) {
            FixedWindowLimiter l = applying.get(applying.size() - 1);
            Decision d = new Decision(l, client, false, 0, now, now + 1000, now);
            events.rejected(d.limit());
            return new Verdict(false, d);
        }
        return inMemory(applying, client);
    }

    private Verdict inMemory(List<FixedWindowLimiter> applying, String client) {
        List<Decision> decisions = new ArrayList<>(applying.size());
        for (FixedWindowLimiter l : applying) {
            decisions.add(l.acquire(client));
        }
        if (decisions.stream().noneMatch(d -> !d.admitted())) {
            return new Verdict(true, mostConstrained(decisions));
        }
        decisions.forEach(d -> d.limiter().release(d));
        return verdict(decisions);
    }

    /** Admitted when every decision admitted; else the refusal, counted once. */
    private Verdict verdict(List<Decision> decisions) {
        List<Decision> refused = decisions.stream().filter(d -> !d.admitted()).toList();
        if (refused.isEmpty()) {
            return new Verdict(true, mostConstrained(decisions));
        }
        // The client must wait for every exhausted limit: describe the one that frees up last.
        Decision binding = refused.stream().max(Comparator.comparingLong(Decision::resetAt)).orElseThrow();
        events.rejected(binding.limit());
        return new Verdict(false, binding);
    }

    /**
     * The limit the rate-limit headers describe when several apply: the one with the fewest
     * requests left; on a tie, the one whose window ends last (the longer wait).
     */
    static Decision mostConstrained(List<Decision> decisions) {
        return decisions.stream()
                .min(Comparator.comparingInt(Decision::remaining).thenComparing(Comparator.comparingLong(Decision::resetAt).reversed()))
                .orElseThrow();
    }

    /** The outcome: admitted or not, and the limit the response headers describe. */
    public record Verdict(boolean admitted, Decision describe) {}

    /**
     * A decision under way: answered already, or Redis's answer to read. {@link #verdict()} reads
     * it once (giving the connection back) and must be called, on the request's thread.
     */
    public static final class Pending {
        private Verdict verdict;
        private final RateLimiter limiter;
        private final SharedWindows.Taking taking;
        private final List<FixedWindowLimiter> applying;
        private final String client;
        private final long now;

        private Pending(Verdict verdict) {
            this(null, null, null, null, 0);
            this.verdict = verdict;
        }

        private Pending(RateLimiter limiter, SharedWindows.Taking taking, List<FixedWindowLimiter> applying, String client,
                long now) {
            this.limiter = limiter;
            this.taking = taking;
            this.applying = applying;
            this.client = client;
            this.now = now;
        }

        /** Whether the verdict is known without reading from Redis. */
        public boolean answered() {
            return verdict != null;
        }

        /** The verdict, reading Redis's answer the first time (waiting for it if it has not arrived). */
        public Verdict verdict() {
            if (verdict == null) {
                verdict = limiter.settle(taking, applying, client, now);
            }
            return verdict;
        }
    }
}
