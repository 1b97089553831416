package dev.backbone.server.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One destination's circuit breaker, around its batch processor and its exporter. After a failed
 * export the destination is paused (1 s, doubling to 30 s while it keeps failing). While paused,
 * ended spans are dropped before they reach the processor's queue, and batches already queued are
 * dropped without being encoded or sent; both are counted in {@link ExportStats}. A dead collector
 * then costs a request the span bookkeeping only: no queue holding thousands of spans for the
 * garbage collector to copy, no encoding, no connection attempts (one probe when the pause ends).
 */
final class ExportCircuit {

    private static final long PAUSE_NANOS = 1_000_000_000L;
    private static final long MAX_PAUSE_NANOS = 30_000_000_000L;

    private final ExportStats stats;
    private final String destination;
    private final AtomicLong pausedUntil = new AtomicLong(System.nanoTime());
    private final AtomicInteger failures = new AtomicInteger();

    ExportCircuit(ExportStats stats, String destination) {
        this.stats = stats;
        this.destination = destination;
    }

    private boolean paused() {
        return System.nanoTime() - pausedUntil.get() < 0;
    }

    private void failed(int spans, Throwable why) {
        stats.failed(spans);
        int f = failures.incrementAndGet();
        pausedUntil.set(System.nanoTime() + Math.min(MAX_PAUSE_NANOS, PAUSE_NANOS << Math.min(f - 1, 5)));
        stats.warn(destination, spans, why);
    }

    /** {@code exporter} with its results counted and its failures opening the circuit. */
    SpanExporter exporter(SpanExporter exporter) {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                int n = spans.size();
                if (paused()) {
                    // "success" so the batch processor neither logs nor retries what is already given up (counted here).
                    stats.failed(n);
                    return CompletableResultCode.ofSuccess();
                }
                CompletableResultCode r = exporter.export(spans);
                r.whenComplete(() -> {
                    if (r.isSuccess()) {
                        stats.exported(n);
                        failures.set(0);
                    } else {
                        failed(n, r.getFailureThrowable());
                    }
                });
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

    /** {@code processor} (the destination's batch processor) not fed while the circuit is open. */
    SpanProcessor processor(SpanProcessor processor) {
        return new SpanProcessor() {
            @Override
            public void onStart(Context parentContext, ReadWriteSpan span) {
                processor.onStart(parentContext, span);
            }

            @Override
            public boolean isStartRequired() {
                return processor.isStartRequired();
            }

            @Override
            public void onEnd(ReadableSpan span) {
                if (!paused()) {
                    processor.onEnd(span);
                } else if (span.getSpanContext().isSampled()) {
                    stats.failed(1);
                }
            }

            @Override
            public boolean isEndRequired() {
                return true;
            }

            @Override
            public CompletableResultCode shutdown() {
                return processor.shutdown();
            }

            @Override
            public CompletableResultCode forceFlush() {
                return processor.forceFlush();
            }

            @Override
            public String toString() {
                return "Gated(" + processor + ")";
            }
        };
    }
}
