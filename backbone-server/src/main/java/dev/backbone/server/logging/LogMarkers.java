package dev.backbone.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/** Markers with a meaning in our log format. */
public final class LogMarkers {

    /** An ERROR that needs a human now; printed with the guide's level name {@code CRITICAL}. */
    public static final Marker CRITICAL = MarkerFactory.getMarker("CRITICAL");

    private LogMarkers() {}

    static boolean isCritical(ILoggingEvent event) {
        var markers = event.getMarkerList();
        if (markers == null) {
            return false;
        }
        for (Marker m : markers) {
            if (m.contains(CRITICAL)) {
                return true;
            }
        }
        return false;
    }
}
