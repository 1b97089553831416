package dev.backbone.server.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One limit ("at most {@code max} requests per {@code window} per client") as fixed windows: a
 * client's window opens with its first request and admits {@code max} requests until it ends;
 * the next request opens a new one. This is the earlier BackBone's strategy (slowapi's
 * fixed window), and it needs one small record per active client.
 *
 * <p>Memory stays bounded: a window that has ended carries no information (the next request
 * starts afresh), so ended windows are swept out as time passes, and at most {@code maxClients}
 * windows exist at once. Past that (a flood of distinct clients inside one window) new clients
 * share one overflow window: the service keeps limiting, at the price of treating them as one.
 */
public final class FixedWindowLimiter {

    /** The key new clients share when {@code maxClients} windows are open. */
    static final String OVERFLOW = "\u0000overflow";

    private final String name;
    private final int max;
    private final long windowMillis;
    private final int maxClients;
    private final LongSupplier clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;

    /**
     * @param name the limit's name, the {@code limit} label of the rejection counter
     * @param max requests admitted per window
     * @param windowMillis the window's length
     * @param maxClients windows kept at most (clients active within one window)
     * @param clock milliseconds since the epoch ({@code System::currentTimeMillis} outside tests)
     */
    public FixedWindowLimiter(String name, int max, long windowMillis, int maxClients, LongSupplier clock) {
        if (max < 1 || windowMillis < 1 || maxClients < 1) {
            throw new IllegalArgumentException("max, window and maxClients must be positive");
        }
        this.name = name;
        this.max = max;
        this.windowMillis = windowMillis;
        this.maxClients = maxClients;
        this.clock = clock;
        this.nextSweep = new AtomicLong(clock.getAsLong() + sweepInterval());
    }

    /** A client's window: when it opened and how many requests it has admitted. */
    private record Window(long start, int count) {}

    public String name() {
        return name;
    }

    public int max() {
        return max;
    }

    public long windowMillis() {
        return windowMillis;
    }

    /** Takes one request from {@code client}'s window if it has room; a refused request takes nothing. */
    public Decision acquire(String client) {
        long now = clock.getAsLong();
        sweepIfDue(now);
        String key = windows.size() >= maxClients && !windows.containsKey(client) ? OVERFLOW : client;
        boolean[] admitted = new boolean[1];
        Window w = windows.compute(key, (k, old) -> {
            if (old == null || now >= old.start + windowMillis) {
                admitted[0] = true;
                return new Window(now, 1);
            }
            if (old.count >= max) {
                return old;
            }
            admitted[0] = true;
            return new Window(old.start, old.count + 1);
        });
        return new Decision(this, key, admitted[0], max - w.count, w.start, w.start + windowMillis, now);
    }

    /** Gives back a request {@link #acquire} admitted (another limit refused the same request). */
    public void release(Decision d) {
        if (!d.admitted() || d.limiter() != this) {
            return;
        }
        windows.computeIfPresent(d.key(), (k, w) -> w.start == d.windowStart() && w.count > 0
                ? new Window(w.start, w.count - 1) : w);
    }

    /** Open windows (for tests and the memory bound). */
    int size() {
        return windows.size();
    }

    private long sweepInterval() {
        return Math.max(1000, Math.min(windowMillis, 60_000));
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        boolean full = windows.size() >= maxClients;
        if ((now >= due || full) && nextSweep.compareAndSet(due, now + sweepInterval())) {
            windows.entrySet().removeIf(e -> now >= e.getValue().start + windowMillis);
        }
    }
}
