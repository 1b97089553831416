package dev.backbone.server.logging;

import dev.backbone.server.requestid.RequestIds;
import java.util.Set;

/**
 * The MDC keys our log formats know by name. Request-scoped code puts them in the MDC and
 * every line written on that thread carries them: the text format as {@code [req=<id>]
 * [trace=<id>]} ({@code [job=<id>]} for background jobs), the JSON format as fields of the same
 * names. Background work started from a request carries them to its thread with
 * {@code dev.backbone.server.tracing.TraceContext}.
 */
public final class LogKeys {

    /** The W3C trace id (32 hex digits) of the span serving the request, when tracing is on. */
    public static final String TRACE_ID = "trace_id";

    /** The id of the current span (16 hex digits), JSON format only. */
    public static final String SPAN_ID = "span_id";

    /** A background job's id, for work that outlives the request that started it. */
    public static final String JOB_ID = "job_id";

    /** Keys the JSON format writes in fixed places, before the other MDC entries. */
    static final Set<String> WRITTEN_FIRST = Set.of(RequestIds.MDC_KEY, TRACE_ID, SPAN_ID);

    private LogKeys() {}
}
