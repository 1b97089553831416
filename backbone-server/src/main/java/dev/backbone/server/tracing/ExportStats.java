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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spans exported and dropped, for {@code /health/detailed} and the
 * {@code backbone_tracing_spans_*} metrics. A span is dropped when its export failed (collector
 * unreachable, timed out, refused) or when the batch processor's queue was full (read from the
 * processor's own telemetry through {@link #reader()}, not guessed). A failed export is logged
 * as one WARNING line a minute at most, without a stack trace (the exporter's own log lines are
 * switched off by {@link TracingService}). Each destination's {@link ExportCircuit} counts into it.
 */
public final class ExportStats {

    /** The batch processor's count of processed spans, legacy and semantic-convention names. */
    private static final List<String> PROCESSED = List.of("processedSpans", "otel.sdk.processor.span.processed");
    private static final AttributeKey<Boolean> DROPPED = AttributeKey.booleanKey("dropped");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    /** Failed exports are told once a minute at most: a dead collector must not flood the log. */
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;
    private static final Logger log = LoggerFactory.getLogger(ExportStats.class);

    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
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

    /** The circuit of one destination ({@code "collector host:port"}), counting into these figures. */
    ExportCircuit circuit(String destination) {
        return new ExportCircuit(this, destination);
    }

    void exported(int spans) {
        exported.add(spans);
    }

    void failed(int spans) {
        failed.add(spans);
    }

    void warn(String destination, int spans, Throwable why) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn("Tracing export to {} failed ({} spans dropped{}); further failures are counted in "
                    + "backbone_tracing_spans_dropped_total and /health/detailed, and told here once a minute",
                    destination, spans, why == null ? "" : ": " + why.getClass().getSimpleName());
        }
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
