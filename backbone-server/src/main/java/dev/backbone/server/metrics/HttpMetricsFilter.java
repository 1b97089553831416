package dev.backbone.server.metrics;

import static dev.backbone.server.metrics.MetricNames.*;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records the four HTTP families for every request. {@code endpoint} is the route template
 * Spring matched ({@code /api/v1/generate}, {@code /health/readiness}), never the raw path;
 * a request no route matched (404, 405, 415 before a handler) is {@code unmatched}, so label
 * values stay bounded whatever paths clients try. Methods outside the standard set are
 * {@code OTHER} for the same reason.
 */
public final class HttpMetricsFilter extends OncePerRequestFilter {

    /** The {@code endpoint} of requests no route matched. */
    public static final String UNMATCHED = "unmatched";

    /** Request attribute a body reader sets when the length was not known up front (chunked bodies). */
    public static final String BODY_BYTES_ATTRIBUTE = HttpMetricsFilter.class.getName() + ".bodyBytes";

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    private final MeterRegistry registry;
    private final ConcurrentMap<Route, RouteMeters> routes = new ConcurrentHashMap<>();
    private final ConcurrentMap<Outcome, Counter> counters = new ConcurrentHashMap<>();

    public HttpMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
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
            record(request, counted, status, System.nanoTime() - start);
        }
    }

    private void record(HttpServletRequest request, CountingResponse response, int status, long nanos) {
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String endpoint = pattern instanceof String p && !p.isEmpty() && !"/**".equals(p) ? p : UNMATCHED;
        Route route = new Route(method, endpoint);
        RouteMeters m = routes.computeIfAbsent(route, this::meters);
        m.duration.record(nanos, TimeUnit.NANOSECONDS);
        m.requestSize.record(requestBytes(request));
        m.responseSize.record(response.bytesWritten());
        counters.computeIfAbsent(new Outcome(route, status), o -> Counter.builder(HTTP_REQUESTS)
                .description("Total HTTP requests")
                .tags("method", o.route.method, "endpoint", o.route.endpoint, "status", Integer.toString(o.status))
                .register(registry)).increment();
    }

    private static long requestBytes(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        if (length >= 0) {
            return length;
        }
        Object counted = request.getAttribute(BODY_BYTES_ATTRIBUTE);
        return counted instanceof Long l ? l : 0;
    }

    private RouteMeters meters(Route r) {
        String[] tags = {"method", r.method, "endpoint", r.endpoint};
        return new RouteMeters(
                Timer.builder(HTTP_DURATION).description("HTTP request duration").tags(tags)
                        .serviceLevelObjectives(HTTP_BUCKETS).register(registry),
                DistributionSummary.builder(HTTP_REQUEST_SIZE).description("HTTP request size").baseUnit("bytes")
                        .tags(tags).serviceLevelObjectives(SIZE_BUCKETS).register(registry),
                DistributionSummary.builder(HTTP_RESPONSE_SIZE).description("HTTP response size").baseUnit("bytes")
                        .tags(tags).serviceLevelObjectives(SIZE_BUCKETS).register(registry));
    }

    private record Route(String method, String endpoint) {}

    private record Outcome(Route route, int status) {}

    private record RouteMeters(Timer duration, DistributionSummary requestSize, DistributionSummary responseSize) {}
}
