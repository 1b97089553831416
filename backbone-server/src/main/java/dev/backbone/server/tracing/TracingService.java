package dev.backbone.server.tracing;

import dev.backbone.server.config.Settings;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service's (or a CLI command's) OpenTelemetry: off unless an exporter is configured, and
 * then nothing is built (the no-op API costs nothing). On, it is the SDK configured by the SDK's
 * own autoconfiguration from the standard {@code OTEL_*} variables (endpoint, headers, timeout,
 * sampler, batch sizes, resource), with metrics and logs export off, plus a second batch
 * processor exporting to LangSmith's OTLP intake ({@code <LANGCHAIN_ENDPOINT>/otel/v1/traces},
 * headers {@code x-api-key} and {@code Langsmith-Project}) when {@code LANGCHAIN_TRACING_V2} has a
 * key. Exports are asynchronous (batch processors), so a slow or dead collector costs a request
 * nothing; what fails to arrive is counted in {@link #stats()}.
 */
public final class TracingService implements AutoCloseable {

    /** The instrumentation scope of every span of ours. */
    public static final String SCOPE = "dev.backbone";

    /** LangSmith's OTLP path under {@code LANGCHAIN_ENDPOINT}. */
    public static final String LANGSMITH_PATH = "/otel/v1/traces";

    private static final String MEMORY_MODE = "otel.java.exporter.memory_mode";
    private static final String RETRY_DISABLED = "otel.java.exporter.otlp.retry.disabled";
    private static final AttributeKey<String> SERVICE_VERSION = AttributeKey.stringKey("service.version");
    private static final AttributeKey<String> DEPLOYMENT_ENVIRONMENT = AttributeKey.stringKey("deployment.environment.name");

    /**
     * The OTLP exporter and the batch processor log every failed export with a stack trace; {@link ExportStats}
     * counts them and warns once a minute instead. Held here so the level is not collected away.
     */
    private static final java.util.logging.Logger EXPORTER_LOG = java.util.logging.Logger.getLogger("io.opentelemetry.exporter");
    private static final java.util.logging.Logger PROCESSOR_LOG =
            java.util.logging.Logger.getLogger("io.opentelemetry.sdk.trace.export.BatchSpanProcessor");

    private final OpenTelemetry otel;
    private final OpenTelemetrySdk sdk;
    private final Tracer tracer;
    private final ExportStats stats;
    private final List<Map<String, Object>> destinations;
    private final boolean hideInputs;
    private final boolean hideOutputs;

    private TracingService(OpenTelemetry otel, OpenTelemetrySdk sdk, ExportStats stats,
            List<Map<String, Object>> destinations, boolean hideInputs, boolean hideOutputs) {
        this.otel = otel;
        this.sdk = sdk;
        this.tracer = otel.getTracer(SCOPE);
        this.stats = stats;
        this.destinations = List.copyOf(destinations);
        this.hideInputs = hideInputs;
        this.hideOutputs = hideOutputs;
    }

    /** Tracing off: no SDK, no exporter, no thread. */
    public static TracingService off() {
        return new TracingService(OpenTelemetry.noop(), null, new ExportStats(), List.of(), false, false);
    }

    /**
     * Tracing as configured; {@link #off()} when no exporter is.
     *
     * @param service the default {@code service.name} ({@code OTEL_SERVICE_NAME} wins)
     */
    public static TracingService start(Settings.Tracing config, String service, String version, String environment) {
        if (!config.on()) {
            return off();
        }
        EXPORTER_LOG.setLevel(java.util.logging.Level.OFF);
        PROCESSOR_LOG.setLevel(java.util.logging.Level.OFF);
        ExportStats stats = new ExportStats();
        List<Map<String, Object>> destinations = new ArrayList<>();
        ExportCircuit[] collector = new ExportCircuit[1];
        Map<String, String> properties = new HashMap<>();
        properties.put("otel.service.name", service);
        properties.put("otel.exporter.otlp.protocol", "http/protobuf");
        properties.putAll(EXPORT_DEFAULTS);
        config.otel().forEach((k, v) -> properties.put(propertyName(k), v));
        AutoConfiguredOpenTelemetrySdk auto = AutoConfiguredOpenTelemetrySdk.builder()
                .disableShutdownHook()
                .addPropertiesSupplier(() -> properties)
                .addPropertiesCustomizer(c -> Map.of(
                        "otel.traces.exporter", config.collector() ? "otlp" : "none",
                        "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none"))
                .addResourceCustomizer((r, c) -> r.merge(Resource.create(Attributes.of(
                        SERVICE_VERSION, version, DEPLOYMENT_ENVIRONMENT, environment))))
                .addSpanExporterCustomizer((e, c) -> {
                    Map<String, Object> d = destination("collector", collectorEndpoint(c));
                    destinations.add(d);
                    collector[0] = stats.circuit("collector " + d.get("endpoint_host"));
                    return collector[0].exporter(e);
                })
                // the collector's batch processor, built by the autoconfiguration after its exporter
                .addSpanProcessorCustomizer((p, c) -> collector[0] == null ? p : collector[0].processor(p))
                .addMeterProviderCustomizer((b, c) -> b.registerMetricReader(stats.reader()))
                .addTracerProviderCustomizer((b, c) -> config.langSmith() ? langSmith(b, c, config, stats, destinations) : b)
                .build();
        return new TracingService(auto.getOpenTelemetrySdk(), auto.getOpenTelemetrySdk(), stats, destinations,
                config.hideInputs(), config.hideOutputs());
    }

    /**
     * The SDK's own export knobs, set so that tracing costs a request little ({@code OTEL_*}
     * variables still win): the exporter encodes into reused buffers instead of building a
     * marshaler tree per span ({@code reusable_data}); batches of 2,048 spans instead of 512 so a
     * busy service sends a quarter of the HTTP requests (each costs about a millisecond of CPU in
     * the JDK's HTTP client whatever its size); a queue of 8,192 so a batch being sent does not
     * make the next ones drop; and one attempt per batch instead of the SDK's five with back-off:
     * a failed batch is dropped and counted and its destination paused ({@link ExportCircuit}),
     * where retrying would hold a full queue of spans for seconds (which the garbage collector
     * then copies at every collection) while the collector is unreachable.
     */
    static final Map<String, String> EXPORT_DEFAULTS = Map.of(
            MEMORY_MODE, "reusable_data",
            "otel.bsp.max.export.batch.size", "2048",
            "otel.bsp.max.queue.size", "8192",
            RETRY_DISABLED, "true");

    /**
     * {@code OTEL_BSP_SCHEDULE_DELAY} as the SDK's property name; the one property with an underscore
     * in its name ({@code otel.java.exporter.memory_mode}) mapped too, which the SDK's own
     * environment-variable reading misses.
     */
    static String propertyName(String variable) {
        String p = variable.toLowerCase(Locale.ROOT).replace('_', '.');
        return p.equals("otel.java.exporter.memory.mode") ? MEMORY_MODE : p;
    }

    private static SdkTracerProviderBuilder langSmith(SdkTracerProviderBuilder b, ConfigProperties c, Settings.Tracing config,
            ExportStats stats, List<Map<String, Object>> destinations) {
        String endpoint = config.endpoint().replaceAll("/+$", "") + LANGSMITH_PATH;
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(endpoint)
                .addHeader("x-api-key", config.apiKey().value())
                .addHeader("Langsmith-Project", config.project())
                .setTimeout(timeout(c))
                .setMemoryMode(MemoryMode.valueOf(c.getString(MEMORY_MODE, "reusable_data").toUpperCase(Locale.ROOT)))
                .setRetryPolicy(c.getBoolean(RETRY_DISABLED, true) ? null : RetryPolicy.getDefault())
                .setMeterProvider(io.opentelemetry.api.metrics.MeterProvider.noop())
                .build();
        Map<String, Object> d = destination("langsmith", endpoint);
        destinations.add(d);
        SdkMeterProvider meters = SdkMeterProvider.builder().registerMetricReader(stats.reader()).build();
        ExportCircuit circuit = stats.circuit("langsmith " + d.get("endpoint_host"));
        return b.addSpanProcessor(circuit.processor(BatchSpanProcessor.builder(circuit.exporter(exporter))
                .setScheduleDelay(c.getDuration("otel.bsp.schedule.delay", Duration.ofSeconds(5)))
                .setMaxQueueSize(c.getInt("otel.bsp.max.queue.size", 8192))
                .setMaxExportBatchSize(c.getInt("otel.bsp.max.export.batch.size", 2048))
                .setExporterTimeout(c.getDuration("otel.bsp.export.timeout", Duration.ofSeconds(30)))
                .setMeterProvider(meters)
                .build()));
    }

    private static Duration timeout(ConfigProperties c) {
        return c.getDuration("otel.exporter.otlp.traces.timeout", c.getDuration("otel.exporter.otlp.timeout", Duration.ofSeconds(10)));
    }

    private static String collectorEndpoint(ConfigProperties c) {
        String traces = c.getString("otel.exporter.otlp.traces.endpoint");
        if (traces != null) {
            return traces;
        }
        return c.getString("otel.exporter.otlp.endpoint", "http://localhost:4318").replaceAll("/+$", "") + "/v1/traces";
    }

    /** Where spans go, as {@code /health/detailed} shows it: the host and port only (a URL may carry a token). */
    private static Map<String, Object> destination(String name, String url) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        String host;
        try {
            URI u = URI.create(url);
            host = u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
        } catch (IllegalArgumentException e) {
            host = "(invalid)";
        }
        m.put("endpoint_host", host);
        return m;
    }

    public boolean enabled() {
        return sdk != null;
    }

    public Tracer tracer() {
        return tracer;
    }

    public TextMapPropagator propagator() {
        return otel.getPropagators().getTextMapPropagator();
    }

    public ExportStats stats() {
        return stats;
    }

    /** {@code LANGCHAIN_HIDE_INPUTS}: prompts are not recorded. */
    public boolean hideInputs() {
        return hideInputs;
    }

    /** {@code LANGCHAIN_HIDE_OUTPUTS}: completions are not recorded. */
    public boolean hideOutputs() {
        return hideOutputs;
    }

    /** The exporter's state for {@code /health/detailed}: enabled, destinations (host only), spans exported and dropped. */
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", enabled());
        m.put("destinations", destinations);
        m.put("spans_exported", stats.exported());
        m.put("spans_dropped", stats.dropped());
        return m;
    }

    /** Exports what is queued, waiting at most {@code limit} (the CLI before it exits, the service when it stops). */
    public void flush(Duration limit) {
        if (sdk != null) {
            sdk.getSdkTracerProvider().forceFlush().join(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        if (sdk != null) {
            sdk.getSdkTracerProvider().shutdown().join(10, TimeUnit.SECONDS);
            sdk.getSdkMeterProvider().shutdown().join(1, TimeUnit.SECONDS);
        }
    }
}
