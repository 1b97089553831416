package dev.backbone.server.tracing;

import static dev.backbone.server.tracing.SpanAttributes.*;

import dev.backbone.server.logging.LogKeys;
import dev.backbone.server.requestid.RequestIdFilter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The root span of every request ({@code POST /api/v1/generate}), registered only when tracing
 * is on. An incoming W3C {@code traceparent} (and {@code tracestate}, baggage) is honoured: the
 * span joins the caller's trace. The response carries the request span's {@code traceparent},
 * so a client can look its own request up; the trace and span ids go into the MDC for every
 * log line written while serving it. Everything the workflow, the agents and the LLM calls do
 * on this thread hangs under this span.
 */
public final class TracingFilter extends OncePerRequestFilter {

    private static final TextMapGetter<HttpServletRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServletRequest carrier) {
            return Collections.list(carrier.getHeaderNames());
        }

        @Override
        public String get(HttpServletRequest carrier, String key) {
            return carrier == null ? null : carrier.getHeader(key);
        }
    };

    /** Route names ({@code POST /api/v1/validate}) by method and route template: built once, not per request. */
    private static final int MAX_NAMES = 256;

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final Map<String, Map<String, String>> names = new ConcurrentHashMap<>();

    public TracingFilter(TracingService tracing) {
        this.tracer = tracing.tracer();
        this.propagator = tracing.propagator();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Context parent = propagator.extract(Context.root(), request, HEADERS);
        String method = request.getMethod();
        String id = RequestIdFilter.current(request);
        Span span = tracer.spanBuilder(method).setParent(parent).setSpanKind(SpanKind.SERVER)
                .setAttribute(HTTP_METHOD, method)
                .setAttribute(URL_PATH, request.getRequestURI())
                .setAttribute(CLIENT_ADDRESS, request.getRemoteAddr())
                .setAttribute(LANGSMITH_KIND, "chain")
                .startSpan();
        if (id != null) {
            span.setAttribute(REQUEST_ID, id);
            span.setAttribute(LANGSMITH_REQUEST_ID, id);
        }
        SpanContext sc = span.getSpanContext();
        Context context = parent.with(span);
        propagator.inject(context, response, (carrier, key, value) -> carrier.setHeader(key, value));
        MDC.put(LogKeys.TRACE_ID, sc.getTraceId());
        MDC.put(LogKeys.SPAN_ID, sc.getSpanId());
        int status = 500;
        try (Scope ignored = context.makeCurrent()) {
            chain.doFilter(request, response);
            status = response.getStatus();
        } catch (IOException | ServletException | RuntimeException e) {
            span.setAttribute(ERROR_TYPE, e.getClass().getName());
            throw e;
        } finally {
            TracingWorkflowListener.closeAll();
            finish(span, request, method, status);
            MDC.remove(LogKeys.TRACE_ID);
            MDC.remove(LogKeys.SPAN_ID);
        }
    }

    /** {@code method + " " + route}, kept for the routes and methods seen (a bounded number of each). */
    private String name(String method, String route) {
        Map<String, String> byMethod = names.get(route);
        if (byMethod == null) {
            if (names.size() >= MAX_NAMES) {
                return method + " " + route;
            }
            byMethod = names.computeIfAbsent(route, r -> new ConcurrentHashMap<>());
        }
        String n = byMethod.get(method);
        if (n == null) {
            n = method + " " + route;
            if (byMethod.size() < 16) {
                byMethod.put(method, n);
            }
        }
        return n;
    }

    private void finish(Span span, HttpServletRequest request, String method, int status) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern instanceof String route && !route.isEmpty() && !"/**".equals(route)) {
            span.updateName(name(method, route));
            span.setAttribute(HTTP_ROUTE, route);
        }
        span.setAttribute(HTTP_STATUS, (long) status);
        if (status >= 400) {
            span.setAttribute(ERROR_TYPE, Integer.toString(status));
        }
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR, "HTTP " + status);
        }
        span.end();
    }
}
