package dev.backbone.server.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.backbone.server.requestid.RequestIds;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * {@code LOG_FORMAT=json}: one JSON object per line, written by Spring Boot's structured-logging
 * {@link JsonWriter} (escaping and member order are its business): {@code timestamp},
 * {@code level} (the guide's names), {@code logger}, {@code function}, {@code line},
 * {@code thread}, {@code message}, {@code request_id} and {@code trace_id}/{@code span_id} on
 * request-scoped lines, the other MDC entries ({@code job_id}, ...), and {@code exception}.
 * Messages, MDC values and stack traces are redacted by {@link SecretMasker}.
 */
public final class JsonLogFormatter implements StructuredLogFormatter<ILoggingEvent> {

    private static final DateTimeFormatter TS = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.systemDefault());

    private final ThrowableProxyConverter throwable = new MaskedThrowableConverter();
    private final JsonWriter<ILoggingEvent> writer = JsonWriter.<ILoggingEvent>of(this::members).withNewLineAtEnd();

    public JsonLogFormatter() {
        throwable.start();
    }

    private void members(JsonWriter.Members<ILoggingEvent> m) {
        m.add("timestamp", e -> TS.format(Instant.ofEpochMilli(e.getTimeStamp())));
        m.add("level", GuideLevelConverter::name);
        m.add("logger", ILoggingEvent::getLoggerName);
        m.add("function", JsonLogFormatter::function).whenNotNull();
        m.add("line", JsonLogFormatter::line).whenNotNull();
        m.add("thread", ILoggingEvent::getThreadName);
        m.add("message", e -> SecretMasker.mask(e.getFormattedMessage()));
        m.add(RequestIds.MDC_KEY, e -> e.getMDCPropertyMap().get(RequestIds.MDC_KEY)).whenNotNull();
        m.add(LogKeys.TRACE_ID, e -> e.getMDCPropertyMap().get(LogKeys.TRACE_ID)).whenNotNull();
        m.add(LogKeys.SPAN_ID, e -> e.getMDCPropertyMap().get(LogKeys.SPAN_ID)).whenNotNull();
        m.add().usingPairs(JsonLogFormatter::otherMdc);
        m.add("exception", this::exception).whenNotNull();
    }

    private String exception(ILoggingEvent e) {
        return e.getThrowableProxy() == null ? null : throwable.convert(e).strip();
    }

    private static String function(ILoggingEvent e) {
        StackTraceElement[] caller = e.getCallerData();
        return caller != null && caller.length > 0 ? caller[0].getMethodName() : null;
    }

    private static Integer line(ILoggingEvent e) {
        StackTraceElement[] caller = e.getCallerData();
        return caller != null && caller.length > 0 ? caller[0].getLineNumber() : null;
    }

    private static void otherMdc(ILoggingEvent e, java.util.function.BiConsumer<String, String> pairs) {
        for (Map.Entry<String, String> entry : e.getMDCPropertyMap().entrySet()) {
            if (!LogKeys.WRITTEN_FIRST.contains(entry.getKey())) {
                pairs.accept(entry.getKey(), SecretMasker.mask(entry.getValue()));
            }
        }
    }

    @Override
    public String format(ILoggingEvent event) {
        return writer.writeToString(event);
    }
}
