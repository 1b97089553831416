package dev.backbone.server.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver on loopback: {@code POST /v1/traces} (a collector) and
 * {@code POST /otel/v1/traces} (LangSmith's intake), each export request decoded with the
 * protocol's own protobuf classes ({@code opentelemetry-proto}); every span is kept with the
 * path and headers it came with. Any other path is a 404.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** One span as received. Ids in lower-case hex; {@code parentSpanId} empty for a root. */
    public record Span(String path, Map<String, String> headers, String serviceName, String traceId, String spanId,
            String parentSpanId, String name, String kind, Map<String, Object> attributes, String statusCode,
            String statusMessage, List<String> events) {

        public Object attr(String key) {
            return attributes.get(key);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<Span> spans = new ArrayList<>();
    private int requests;

    public OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code OTEL_EXPORTER_OTLP_ENDPOINT} (the exporter appends {@code /v1/traces}); also {@code LANGCHAIN_ENDPOINT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized int requests() {
        return requests;
    }

    public synchronized List<Span> spans() {
        return List.copyOf(spans);
    }

    /** The spans of one trace that arrived on {@code path}. */
    public List<Span> trace(String path, String traceId) {
        return spans().stream().filter(s -> s.path().equals(path) && s.traceId().equals(traceId)).toList();
    }

    /** Waits until a received span matches, at most {@code limit}; the spans so far either way. */
    public List<Span> await(Predicate<List<Span>> done, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            List<Span> now = spans();
            if (done.test(now)) {
                return now;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return spans();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!ex.getRequestMethod().equals("POST") || !(path.equals("/v1/traces") || path.equals("/otel/v1/traces"))) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            InputStream in = ex.getRequestBody();
            if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
                in = new GZIPInputStream(in);
            }
            ExportTraceServiceRequest req = ExportTraceServiceRequest.parseFrom(in.readAllBytes());
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            List<Span> got = new ArrayList<>();
            for (ResourceSpans rs : req.getResourceSpansList()) {
                String service = String.valueOf(attributes(rs.getResource().getAttributesList()).get("service.name"));
                for (ScopeSpans ss : rs.getScopeSpansList()) {
                    for (var s : ss.getSpansList()) {
                        got.add(new Span(path, headers, service, hex(s.getTraceId().toByteArray()), hex(s.getSpanId().toByteArray()),
                                hex(s.getParentSpanId().toByteArray()), s.getName(), s.getKind().name(),
                                attributes(s.getAttributesList()), s.getStatus().getCode().name(), s.getStatus().getMessage(),
                                s.getEventsList().stream().map(e -> e.getName()).toList()));
                    }
                }
            }
            synchronized (this) {
                requests++;
                spans.addAll(got);
            }
            byte[] ok = new byte[0];
            ex.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            ex.sendResponseHeaders(200, -1);
            ex.getResponseBody().write(ok);
        }
    }

    private static Map<String, Object> attributes(List<KeyValue> kvs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (KeyValue kv : kvs) {
            m.put(kv.getKey(), value(kv.getValue()));
        }
        return m;
    }

    private static Object value(AnyValue v) {
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case INT_VALUE -> v.getIntValue();
            case BOOL_VALUE -> v.getBoolValue();
            case DOUBLE_VALUE -> v.getDoubleValue();
            case ARRAY_VALUE -> v.getArrayValue().getValuesList().stream().map(OtlpReceiver::value).toList();
            default -> v.toString();
        };
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
