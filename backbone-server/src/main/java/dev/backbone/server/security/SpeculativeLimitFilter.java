package dev.backbone.server.security;

import dev.backbone.server.api.ClientGoneValve;
import dev.backbone.server.ratelimit.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The shared rate limit without waiting for Redis mid-request, on the routes marked
 * {@link Guard#speculative()}. A blocking round trip per request cost 18-64% more server CPU
 * than the in-memory limiter on a 2-core machine, most of it the request thread sleeping and
 * waking for ~30 µs, not the client (docs/performance.md, "Replicas").
 *
 * <p>So: {@link ApiGuard} sends the limiter's script and the route runs at once, its answer
 * buffered; then the reply is read (by then it is in the socket's buffer) and either the answer
 * goes out with the rate-limit headers, or it is thrown away and the client gets exactly the 429
 * it would have got before the route ran (the response is reset to the headers it had when the
 * request reached this filter). The counting is unchanged: the same script, sent at the same
 * point, takes from the same windows, and a refused request takes nothing. What a refusal
 * costs is the route's work, bounded by {@code FullWindows}: once a window is full, this replica
 * refuses that client without Redis and without the work until the window ends.
 *
 * <p>Sits after the request-id, tracing, metrics, security-header and CORS filters, so the 429
 * carries their headers and is counted as before.
 */
final class SpeculativeLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SpeculativeLimitFilter.class);

    private final Supplier<RequestMappingHandlerMapping> mappings;
    private volatile Set<String> routes;

    /** @param mappings the MVC handler mappings (read at the first request, once every route is registered) */
    SpeculativeLimitFilter(Supplier<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!routes().contains(request.getMethod() + " " + request.getRequestURI().substring(request.getContextPath().length()))) {
            chain.doFilter(request, response);
            return;
        }
        SpeculativeLimit slot = new SpeculativeLimit();
        request.setAttribute(SpeculativeLimit.ATTRIBUTE, slot);
        List<String[]> headers = headers(response);
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, buffered);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!refused(slot, request, response, headers)) {
                deliver(request, buffered);
                throw e;
            }
            return;
        } finally {
            // Whatever happened, the reply is read once so that the connection goes back to the pool in step.
            if (slot.pending() != null) {
                slot.pending().verdict();
            }
        }
        if (!refused(slot, request, response, headers)) {
            deliver(request, buffered);
        }
    }

    /**
     * Sends the buffered answer. The write happens here, outside Spring MVC, so a client that has
     * gone is handled as {@code ApiExceptionHandler} does for the unbuffered routes: one INFO line,
     * nothing answered, no 500 in the access log and the metrics.
     */
    private static void deliver(HttpServletRequest request, ContentCachingResponseWrapper buffered) throws IOException {
        try {
            buffered.copyBodyToResponse();
        } catch (IOException e) {
            if (!DisconnectedClientHelper.isClientDisconnectedException(e)) {
                throw e;
            }
            ClientGoneValve.markGone(request);
            log.info("{} {}: client closed the connection before the answer was written; nothing answered",
                    request.getMethod(), request.getRequestURI());
        }
    }

    /** Reads the verdict; when refused, replaces the buffered answer with the 429. */
    private static boolean refused(SpeculativeLimit slot, HttpServletRequest request, HttpServletResponse response,
            List<String[]> headers) throws IOException {
        RateLimiter.Pending p = slot.pending();
        if (p == null) {
            return false;
        }
        RateLimiter.Verdict v = p.verdict();
        if (v.admitted()) {
            GuardResponses.rateLimitHeaders(response, v.describe());
            return false;
        }
        log.debug("Rate limit {} refused {} {} after it ran; its answer is discarded", v.describe().limit(),
                request.getMethod(), request.getRequestURI());
        if (response.isCommitted()) {
            return true;
        }
        response.reset();
        for (String[] h : headers) {
            response.addHeader(h[0], h[1]);
        }
        GuardResponses.rateLimitHeaders(response, v.describe());
        try {
            GuardResponses.tooManyRequests(request, response, v.describe());
        } catch (IOException e) {
            if (!DisconnectedClientHelper.isClientDisconnectedException(e)) {
                throw e;
            }
            ClientGoneValve.markGone(request);
        }
        return true;
    }

    private static List<String[]> headers(HttpServletResponse response) {
        Collection<String> names = response.getHeaderNames();
        List<String[]> out = new ArrayList<>(names.size() + 2);
        for (String n : names) {
            for (String v : response.getHeaders(n)) {
                out.add(new String[] {n, v});
            }
        }
        return out;
    }

    /** {@code "POST /api/v1/validate"} and the like: the exact paths of the speculative routes. */
    private Set<String> routes() {
        Set<String> r = routes;
        if (r == null) {
            r = new HashSet<>();
            for (var e : mappings.get().getHandlerMethods().entrySet()) {
                Guard g = e.getValue().getMethodAnnotation(Guard.class);
                if (g != null && g.speculative()) {
                    add(r, e.getKey(), e.getValue());
                }
            }
            routes = Set.copyOf(r);
            log.debug("Rate limit checked while the route runs on {}", routes);
        }
        return r;
    }

    private static void add(Set<String> into, RequestMappingInfo info, HandlerMethod method) {
        for (String path : info.getPatternValues()) {
            if (path.contains("{") || path.contains("*")) {
                throw new IllegalStateException(method + ": a speculative route needs a fixed path, not " + path);
            }
            info.getMethodsCondition().getMethods().forEach(m -> into.add(m.name() + " " + path));
        }
    }
}
