package dev.backbone.server.lifecycle;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Numbers requests as they start and forgets them as they end, so the drain can wait for
 * exactly the requests that were in flight when shutdown began (not for new ones, which
 * under steady load would never reach zero).
 */
public final class InFlightRequests extends OncePerRequestFilter {

    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentSkipListSet<Long> active = new ConcurrentSkipListSet<>();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Long n = sequence.incrementAndGet();
        active.add(n);
        try {
            chain.doFilter(request, response);
        } finally {
            active.remove(n);
        }
    }

    /** The number of the last request started so far. */
    long cutoff() {
        return sequence.get();
    }

    /** True when no request numbered {@code cutoff} or lower is still running. */
    boolean drained(long cutoff) {
        Long oldest = active.isEmpty() ? null : active.first();
        return oldest == null || oldest > cutoff;
    }

    public int count() {
        return active.size();
    }
}
