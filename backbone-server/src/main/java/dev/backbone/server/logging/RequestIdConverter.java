package dev.backbone.server.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.backbone.server.requestid.RequestIds;
import java.util.Map;

/**
 * {@code [req=<id>] } on lines written while serving a request, then {@code [trace=<id>] } when
 * tracing is on and {@code [job=<id>] } on a background job's lines; nothing elsewhere: the
 * guide tells users to {@code grep <request id> logs/app.log}, and the brackets make the ids
 * easy to cut out with a pattern.
 */
public final class RequestIdConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        String id = mdc.get(RequestIds.MDC_KEY);
        String trace = mdc.get(LogKeys.TRACE_ID);
        String job = mdc.get(LogKeys.JOB_ID);
        if (id == null && trace == null && job == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(96);
        if (id != null) {
            sb.append("[req=").append(id).append("] ");
        }
        if (trace != null) {
            sb.append("[trace=").append(trace).append("] ");
        }
        if (job != null) {
            sb.append("[job=").append(job).append("] ");
        }
        return sb.toString();
    }
}
