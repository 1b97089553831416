package dev.backbone.server.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The request's trace context and log keys, carried to another thread: background work (a
 * job) started from a request captures it there and runs inside it, so its spans join the
 * request's trace and its log lines carry the request and trace ids (plus a {@code job_id}
 * it puts in the MDC itself). Works the same with tracing off (only the MDC travels then).
 */
public final class TraceContext {

    private final Context context;
    private final Map<String, String> mdc;

    private TraceContext(Context context, Map<String, String> mdc) {
        this.context = context;
        this.mdc = mdc;
    }

    /** The current thread's span and MDC. */
    public static TraceContext capture() {
        return new TraceContext(Context.current(), MDC.getCopyOfContextMap());
    }

    /** Runs {@code work} on the calling thread inside the captured context, restoring the thread's own afterwards. */
    public void run(Runnable work) {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        if (mdc == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(mdc);
        }
        try (Scope ignored = context.makeCurrent()) {
            work.run();
        } finally {
            TracingWorkflowListener.closeAll();
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        }
    }

    /** {@code work} wrapped to run inside this context, for an executor. */
    public Runnable wrap(Runnable work) {
        return () -> run(work);
    }
}
