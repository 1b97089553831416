package dev.backbone.server.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared windows Redis said are full, remembered by this replica until they end, so that a
 * client whose window is full is refused here without asking Redis again (and, on the routes that
 * run before Redis answers, without doing the work): exact, because windows are fixed and a
 * refused request takes nothing, so a full window stays full until its reset. What this bounds
 * is the work a flooding client can waste: its requests in flight when its window filled.
 *
 * <p>The end is this replica's clock at the moment the script was sent plus the window's
 * remaining time in Redis, so it is never later than the key's expiry there. At most
 * {@link RateLimiter#MAX_CLIENTS} windows are remembered; past that, ended ones are swept and
 * new ones are not remembered (those clients are asked about in Redis, as before).
 */
final class FullWindows {

    private record Key(FixedWindowLimiter limiter, String client) {}

    private final Map<Key, Long> until = new ConcurrentHashMap<>();

    /** The refusals known without Redis: one per applying limit whose window is full at {@code now}; empty when none is. */
    List<Decision> refusals(List<FixedWindowLimiter> limits, String client, long now) {
        if (until.isEmpty()) {
            return List.of();
        }
        List<Decision> refused = List.of();
        for (FixedWindowLimiter l : limits) {
            Key k = new Key(l, client);
            Long end = until.get(k);
            if (end == null) {
                continue;
            }
            if (now >= end) {
                until.remove(k, end);
                continue;
            }
            if (refused.isEmpty()) {
                refused = new ArrayList<>(limits.size());
            }
            refused.add(new Decision(l, client, false, 0, end - l.windowMillis(), end, now));
        }
        return refused;
    }

    /**
     * Remembers the full windows among the decisions Redis gave for one request: those that
     * refused it, and those the request itself filled (it was admitted with nothing left).
     */
    void remember(List<Decision> decisions, long now) {
        for (Decision d : decisions) {
            if (d.remaining() <= 0) {
                if (until.size() >= RateLimiter.MAX_CLIENTS) {
                    until.values().removeIf(end -> now >= end);
                    if (until.size() >= RateLimiter.MAX_CLIENTS) {
                        return;
                    }
                }
                until.put(new Key(d.limiter(), d.key()), d.resetAt());
            }
        }
    }

    /** Windows remembered (for tests). */
    int size() {
        return until.size();
    }
}
