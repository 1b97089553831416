package dev.backbone.server.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.backbone.server.requestid.RequestIds;

/**
 * {@code [req=<id>] } on lines written while serving a request, nothing elsewhere: the guide
 * tells users to {@code grep <request id> logs/app.log}, and the brackets make the id easy to
 * cut out with a pattern.
 */
public final class RequestIdConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        String id = event.getMDCPropertyMap().get(RequestIds.MDC_KEY);
        return id == null ? "" : "[req=" + id + "] ";
    }
}
