package dev.backbone.server.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import java.util.Locale;

/**
 * The one layout of the service's console and file appenders. {@code text} is the guide's
 * format, {@code 2024-01-01 12:00:00.000 | INFO     | logger:function:line - message}, with
 * {@code [req=<id>] } before the message on request-scoped lines; {@code json} is one object
 * per line for log shippers ({@link JsonLogFormatter}, on Spring Boot's structured logging). Both redact secrets.
 *
 * <p>A layout rather than two appender definitions because Logback's XML has no conditionals
 * without Janino, and the format is chosen by {@code LOG_FORMAT} at start-up.
 */
public final class BackboneLayout extends LayoutBase<ILoggingEvent> {

    /** The guide's line; {@code lvl}, {@code reqid}, {@code mmsg}, {@code mex} are ours (see the converters). */
    public static final String TEXT_PATTERN =
            "%d{yyyy-MM-dd HH:mm:ss.SSS} | %-8lvl | %logger:%method:%line - %reqid%mmsg%n%mex";

    private String format = "text";
    private PatternLayout text;
    private JsonLogFormatter json;

    public void setFormat(String format) {
        this.format = format == null ? "text" : format.strip().toLowerCase(Locale.ROOT);
    }

    public String getFormat() {
        return format;
    }

    @Override
    public void start() {
        if (!"json".equals(format)) {
            text = new PatternLayout();
            text.setContext(getContext());
            text.getInstanceConverterMap().put("lvl", GuideLevelConverter::new);
            text.getInstanceConverterMap().put("reqid", RequestIdConverter::new);
            text.getInstanceConverterMap().put("mmsg", MaskedMessageConverter::new);
            text.getInstanceConverterMap().put("mex", MaskedThrowableConverter::new);
            text.setPattern(TEXT_PATTERN);
            text.start();
        } else {
            json = new JsonLogFormatter();
        }
        super.start();
    }

    @Override
    public void stop() {
        if (text != null) {
            text.stop();
        }
        super.stop();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return text != null ? text.doLayout(event) : json.format(event);
    }
}
