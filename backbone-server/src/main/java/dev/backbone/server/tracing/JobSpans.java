package dev.backbone.server.tracing;

import dev.backbone.server.logging.LogKeys;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * A job's span. A job may run on another replica, minutes after the request that submitted it,
 * so the request's trace context cannot travel on a thread: the submitting request records its
 * {@code traceparent} with the job, and the replica that runs it starts a {@code job <kind>} span
 * whose parent is that context. The workflow's spans then nest under it, so one trace shows the
 * submission and the work wherever it ran. With tracing off nothing is recorded or started.
 */
public final class JobSpans {

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private JobSpans() {}

    /** The current span's W3C {@code traceparent}, or the empty string when no span is recording. */
    public static String traceparent() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.getOrDefault("traceparent", "");
    }

    /**
     * Runs {@code work} inside a {@code job <kind>} span that continues {@code traceparent} (a new
     * trace when it is empty), with the trace id in the MDC for the job's log lines.
     */
    public static <T> T run(TracingService tracing, String traceparent, String kind, String jobId, int attempt,
            Supplier<T> work) {
        if (!tracing.enabled()) {
            return work.get();
        }
        Context parent = traceparent == null || traceparent.isEmpty() ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of("traceparent", traceparent), GETTER);
        Span span = tracing.tracer().spanBuilder("job " + kind).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("backbone.job.id", jobId)
                .setAttribute("backbone.job.kind", kind)
                .setAttribute("backbone.job.attempt", (long) attempt)
                .setAttribute("langsmith.span.kind", "chain")
                .startSpan();
        String previousTrace = MDC.get(LogKeys.TRACE_ID);
        MDC.put(LogKeys.TRACE_ID, span.getSpanContext().getTraceId());
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            span.setAttribute("error.type", e.getClass().getSimpleName());
            throw e;
        } finally {
            TracingWorkflowListener.closeAll();
            span.end();
            if (previousTrace == null) {
                MDC.remove(LogKeys.TRACE_ID);
            } else {
                MDC.put(LogKeys.TRACE_ID, previousTrace);
            }
        }
    }
}
