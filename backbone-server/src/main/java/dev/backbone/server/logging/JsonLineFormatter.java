package dev.backbone.server.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.backbone.server.requestid.RequestIds;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * One JSON object per log line: {@code timestamp}, {@code level} (guide names), {@code logger},
 * {@code function}, {@code line}, {@code thread}, {@code message}, {@code request_id} (on
 * request-scoped lines), other MDC entries, and {@code exception}. Secrets are redacted.
 */
final class JsonLineFormatter {

    private static final DateTimeFormatter TS = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.systemDefault());
    private static final ThrowableProxyConverter THROWABLE = new MaskedThrowableConverter();

    static {
        THROWABLE.start();
    }

    private JsonLineFormatter() {}

    static String format(ILoggingEvent e) {
        StringBuilder sb = new StringBuilder(256);
        sb.append('{');
        field(sb, "timestamp", TS.format(Instant.ofEpochMilli(e.getTimeStamp())));
        sb.append(',');
        field(sb, "level", GuideLevelConverter.name(e));
        sb.append(',');
        field(sb, "logger", e.getLoggerName());
        StackTraceElement[] caller = e.getCallerData();
        if (caller != null && caller.length > 0) {
            sb.append(',');
            field(sb, "function", caller[0].getMethodName());
            sb.append(",\"line\":").append(caller[0].getLineNumber());
        }
        sb.append(',');
        field(sb, "thread", e.getThreadName());
        sb.append(',');
        field(sb, "message", SecretMasker.mask(e.getFormattedMessage()));
        Map<String, String> mdc = e.getMDCPropertyMap();
        String id = mdc.get(RequestIds.MDC_KEY);
        if (id != null) {
            sb.append(',');
            field(sb, "request_id", id);
        }
        for (Map.Entry<String, String> m : mdc.entrySet()) {
            if (!RequestIds.MDC_KEY.equals(m.getKey())) {
                sb.append(',');
                field(sb, m.getKey(), SecretMasker.mask(m.getValue()));
            }
        }
        if (e.getThrowableProxy() != null) {
            sb.append(',');
            field(sb, "exception", THROWABLE.convert(e).strip());
        }
        sb.append("}\n");
        return sb.toString();
    }

    private static void field(StringBuilder sb, String name, String value) {
        string(sb, name);
        sb.append(':');
        if (value == null) {
            sb.append("null");
        } else {
            string(sb, value);
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
