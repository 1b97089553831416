package dev.backbone.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The level as the guide spells it (Loguru's names): {@code DEBUG}, {@code INFO},
 * {@code WARNING}, {@code ERROR}, {@code CRITICAL}. Logback says WARN and has no CRITICAL; an
 * ERROR event carrying the {@link LogMarkers#CRITICAL} marker is CRITICAL. TRACE stays TRACE.
 */
public final class GuideLevelConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return name(event);
    }

    /** The guide's name of the event's level. */
    public static String name(ILoggingEvent event) {
        Level level = event.getLevel();
        if (level == Level.WARN) {
            return "WARNING";
        }
        if (level == Level.ERROR && LogMarkers.isCritical(event)) {
            return "CRITICAL";
        }
        return level.toString();
    }
}
