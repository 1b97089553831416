package dev.backbone.server.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Spans exported and dropped, for {@code /health/detailed} and the
 * {@code backbone_tracing_spans_*} metrics. A span is dropped when its export failed (collector
 * unreachable, timed out, refused) or when the batch processor's queue was full (read from the
 * processor's own telemetry through {@link #reader()}, not guessed).
 */
public final class ExportStats {

    /** The batch processor's count of processed spans, legacy and semantic-convention names. */
    private static final List<String> PROCESSED = List.of("processedSpans", "otel.sdk.processor.span.processed");
    private static final AttributeKey<Boolean> DROPPED = AttributeKey.booleanKey("dropped");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private final LongAdder exported = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final List<QueueReader> readers = new CopyOnWriteArrayList<>();

    public long exported() {
        return exported.sum();
    }

    /** Spans that never reached their destination: failed exports plus queue overflow. */
    public long dropped() {
        long queue = 0;
        for (QueueReader r : readers) {
            queue += r.dropped();
        }
        return failed.sum() + queue;
    }

    /** Wraps an exporter so its results are counted. */
    SpanExporter counting(SpanExporter exporter) {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                int n = spans.size();
                CompletableResultCode r = exporter.export(spans);
                r.whenComplete(() -> (r.isSuccess() ? exported : failed).add(n));
                return r;
            }

            @Override
            public CompletableResultCode flush() {
                return exporter.flush();
            }

            @Override
            public CompletableResultCode shutdown() {
                return exporter.shutdown();
            }

            @Override
            public String toString() {
                return "Counting(" + exporter + ")";
            }
        };
    }

    /** A metric reader for a batch processor's meter provider: it reports the spans the full queue dropped. */
    MetricReader reader() {
        QueueReader r = new QueueReader();
        readers.add(r);
        return r;
    }

    private static final class QueueReader implements MetricReader {

        private volatile CollectionRegistration registration = CollectionRegistration.noop();

        @Override
        public void register(CollectionRegistration registration) {
            this.registration = registration;
        }

        long dropped() {
            long n = 0;
            for (MetricData m : registration.collectAllMetrics()) {
                if (!PROCESSED.contains(m.getName())) {
                    continue;
                }
                for (var p : m.getData().getPoints()) {
                    if (p instanceof LongPointData l && (Boolean.TRUE.equals(l.getAttributes().get(DROPPED))
                            || l.getAttributes().get(ERROR_TYPE) != null)) {
                        n += l.getValue();
                    }
                }
            }
            return n;
        }

        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
            return AggregationTemporality.CUMULATIVE;
        }

        @Override
        public MemoryMode getMemoryMode() {
            return MemoryMode.IMMUTABLE_DATA;
        }

        @Override
        public CompletableResultCode forceFlush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
