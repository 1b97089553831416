package dev.backbone.server.logging;

import dev.backbone.server.metrics.CountingResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One INFO line per request on logger {@code dev.backbone.access}: method, route template (the
 * raw path when no route matched), status, duration, response bytes, client; the request id and
 * trace id come with the line's MDC like on every request-scoped line. So the guide's recipe,
 * {@code grep <X-Request-ID> logs/app.log}, finds every request, health checks and 4xx answers
 * included. {@code LOG_HEALTH_REQUESTS=false} leaves out the {@code /health*} probes.
 */
public final class AccessLogFilter extends OncePerRequestFilter {

    /** The logger of the access lines (its level can be set apart: {@code logging.level.dev.backbone.access}). */
    public static final String LOGGER = "dev.backbone.access";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final boolean healthRequests;

    public AccessLogFilter(boolean healthRequests) {
        this.healthRequests = healthRequests;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !log.isInfoEnabled() || (!healthRequests && request.getRequestURI().startsWith("/health"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        CountingResponse counted = new CountingResponse(response);
        int status = 500;
        try {
            chain.doFilter(request, counted);
            counted.finish();
            status = counted.getStatus();
        } finally {
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            String route = pattern instanceof String p && !p.isEmpty() && !"/**".equals(p) ? p : request.getRequestURI();
            log.info("{} {} {} {} ms {} B client={}", request.getMethod(), route, status,
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e6), counted.bytesWritten(),
                    request.getRemoteAddr());
        }
    }
}
