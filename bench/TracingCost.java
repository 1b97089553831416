import com.sun.net.httpserver.HttpServer;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import dev.backbone.server.config.Secret;
import dev.backbone.server.config.Settings;
import dev.backbone.server.tracing.TracingFilter;
import dev.backbone.server.tracing.TracingService;
import dev.backbone.server.tracing.TracingWorkflowListener;
import jakarta.servlet.FilterChain;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What tracing costs per POST /api/v1/validate, in-process, as process CPU time (the batch
 * processor's export thread included): the real validate + plan of the blog schema behind the
 * tracing filter and the span listener, tracing off / on with an unreachable collector / on with
 * a live loopback OTLP/HTTP receiver, alternated over rounds after a warm-up round per mode; the
 * receiver's own threads are left out (in the service the collector is another process). Run from
 * the repository root:
 *   java -cp <server test class path> bench/TracingCost.java
 */
public class TracingCost {

    public static void main(String[] args) throws Exception {
        String schema = Files.readString(Path.of("examples/blog_schema.json"));
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", ex -> {
            RECEIVED.add(ex.getRequestBody().readAllBytes().length);
            EXPORTS.increment();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, RECEIVER);
            t.setDaemon(true);
            return t;
        }));
        receiver.start();
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Map<String, String> endpoints = Map.of("off", "", "down", "http://127.0.0.1:" + closed,
                "live", "http://127.0.0.1:" + receiver.getAddress().getPort());
        // -Dmodes=off,down,live-512:OTEL_BSP_MAX_EXPORT_BATCH_SIZE=512;OTEL_BSP_MAX_QUEUE_SIZE=2048 compares settings
        Mode[] modes = java.util.Arrays.stream(System.getProperty("modes", "off,down,live").split(","))
                .map(spec -> {
                    String name = spec.split(":", 2)[0];
                    return mode(name, endpoints.get(name.split("-", 2)[0]), spec.contains(":") ? spec.split(":", 2)[1] : "");
                }).toArray(Mode[]::new);
        Workflow workflow = new Workflow();
        int n = Integer.parseInt(System.getProperty("n", "20000"));
        int rounds = Integer.parseInt(System.getProperty("rounds", "5"));
        for (Mode m : modes) {
            run(m, workflow, schema, n);
        }
        double[][] cpu = new double[modes.length][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int m = 0; m < modes.length; m++) {
                cpu[m][round] = run(modes[m], workflow, schema, n);
            }
        }
        double off = median(cpu[0]);  // the first mode is the reference
        StringBuilder out = new StringBuilder("tracing cost per validate (blog), process CPU µs/request without the receiver's, median of "
                + rounds + " rounds of " + n + " after one warm-up round per mode:");
        for (int m = 0; m < modes.length; m++) {
            double c = median(cpu[m]);
            out.append(String.format(" %s %.1f (%+.1f%%)", modes[m].name, c / 1000, (c - off) * 100 / off));
        }
        System.out.println(out);
        for (int m = 0; m < modes.length; m++) {
            System.out.println("  " + modes[m].name + " every round: " + java.util.Arrays.stream(cpu[m])
                    .mapToObj(v -> String.format("%.1f", v / 1000)).collect(java.util.stream.Collectors.joining(" ")));
        }
        if (Boolean.getBoolean("threads")) {
            var threads = ManagementFactory.getThreadMXBean();
            Map<String, Long> byName = new java.util.TreeMap<>();
            for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null) {
                    byName.merge(info.getThreadName().replaceAll("\\d+", "N"), threads.getThreadCpuTime(info.getThreadId()) / 1_000_000, Long::sum);
                }
            }
            System.out.println("thread CPU ms: " + byName);
        }
        for (Mode m : modes) {
            System.out.println(m.name + ": spans exported " + m.tracing.stats().exported() + ", dropped " + m.tracing.stats().dropped());
            m.tracing.close();
        }
        System.out.println("receiver: " + EXPORTS.sum() + " export requests, " + RECEIVED.sum() + " bytes");
        receiver.stop(0);
    }

    record Mode(String name, TracingService tracing, TracingFilter filter, WorkflowListener listener) {}

    static Mode mode(String name, String endpoint, String settings) {
        Map<String, String> otel = new java.util.HashMap<>();
        if (!endpoint.isEmpty()) {
            otel.put("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
            otel.put("OTEL_EXPORTER_OTLP_TIMEOUT", "1000");
            for (String kv : settings.split(";")) {
                if (kv.contains("=")) {
                    otel.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
                }
            }
        }
        Settings.Tracing config = new Settings.Tracing(false, Secret.NONE, "BackBone-AI", "https://api.smith.langchain.com", false, false, otel);
        TracingService t = TracingService.start(config, "bench", "0", "bench");
        return new Mode(name, t, t.enabled() ? new TracingFilter(t) : null,
                t.enabled() ? new TracingWorkflowListener(t) : WorkflowListener.NONE);
    }

    /** Process CPU nanoseconds per request, the receiver's threads (the server's collector, not ours) left out. */
    static double run(Mode m, Workflow workflow, String schema, int n) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        FilterChain work = (rq, rs) -> workflow.validate(schema, Limits.SERVICE, m.listener);
        long c0 = os.getProcessCpuTime() - receiverCpu();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (RATE > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(start + i * 1_000_000_000L / RATE - System.nanoTime());
            }
            MockHttpServletRequest rq = new MockHttpServletRequest("POST", "/api/v1/validate");
            rq.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/api/v1/validate");
            MockHttpServletResponse rs = new MockHttpServletResponse();
            if (m.filter == null) {
                work.doFilter(rq, rs);
            } else {
                m.filter.doFilter(rq, rs, work);
            }
        }
        m.tracing.flush(java.time.Duration.ofSeconds(2));
        return (os.getProcessCpuTime() - receiverCpu() - c0) / (double) n;
    }

    private static final String RECEIVER = "receiver";
    /**
     * Requests per second, 0 for as fast as one thread goes. A service's rate (-Drate=1500) keeps spans
     * in the batch processor's queue as long as they stay there in the service, which is what the
     * garbage collector's share of the cost depends on; flat out, the queue is always backed up.
     */
    private static final int RATE = Integer.getInteger("rate", 0);
    private static final java.util.concurrent.atomic.LongAdder RECEIVED = new java.util.concurrent.atomic.LongAdder();
    private static final java.util.concurrent.atomic.LongAdder EXPORTS = new java.util.concurrent.atomic.LongAdder();

    /** CPU nanoseconds of the in-process receiver's threads (its dispatcher and its handler). */
    static long receiverCpu() {
        var threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().equals(RECEIVER) || info.getThreadName().equals("HTTP-Dispatcher"))) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
