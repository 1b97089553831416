package dev.backbone.server.lifecycle;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Numbers requests as they start and forgets them as they end, so the drain can wait for
 * exactly the requests that were in flight when shutdown began (not for new ones, which
 * under steady load would never reach zero), and cancel exactly those when the drain runs out
 * of time.
 */
public final class InFlightRequests extends OncePerRequestFilter {

    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentSkipListMap<Long, Thread> active = new ConcurrentSkipListMap<>();
    private final Cancellation cancellation;

    public InFlightRequests(Cancellation cancellation) {
        this.cancellation = cancellation;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Long n = sequence.incrementAndGet();
        active.put(n, Thread.currentThread());
        try {
            chain.doFilter(request, response);
        } finally {
            active.remove(n);
            cancellation.forget(Thread.currentThread());
        }
    }

    /** The number of the last request started so far. */
    long cutoff() {
        return sequence.get();
    }

    /** True when no request numbered {@code cutoff} or lower is still running. */
    boolean drained(long cutoff) {
        Long oldest = active.isEmpty() ? null : active.firstKey();
        return oldest == null || oldest > cutoff;
    }

    /** Cancels every request numbered {@code cutoff} or lower that is still running; returns how many. */
    int cancel(long cutoff) {
        int n = 0;
        for (Thread t : active.headMap(cutoff, true).values()) {
            cancellation.cancel(t);
            n++;
        }
        return n;
    }

    public int count() {
        return active.size();
    }
}
