package dev.backbone.server.metrics;

/** Picks the exposition format for an Accept header: OpenMetrics or the classic text format, never protobuf. */
final class MetricsExposition {

    static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private MetricsExposition() {}

    static String contentType(String accept) {
        return accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS : TEXT;
    }
}
