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
 * a live loopback OTLP/HTTP receiver, alternated over rounds. Run from the repository root:
 *   java -cp <server test class path> bench/TracingCost.java
 */
public class TracingCost {

    public static void main(String[] args) throws Exception {
        String schema = Files.readString(Path.of("examples/blog_schema.json"));
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Mode[] modes = {
            mode("off", null),
            mode("down", "http://127.0.0.1:" + closed),
            mode("live", "http://127.0.0.1:" + receiver.getAddress().getPort())};
        Workflow workflow = new Workflow();
        int n = Integer.parseInt(System.getProperty("n", "4000"));
        int rounds = Integer.parseInt(System.getProperty("rounds", "5"));
        double[][] cpu = new double[modes.length][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int m = 0; m < modes.length; m++) {
                cpu[m][round] = run(modes[m], workflow, schema, n);
            }
        }
        double off = median(cpu[0]);
        StringBuilder out = new StringBuilder("tracing cost per validate (blog), process CPU µs/request, median of " + rounds + " rounds of " + n + ":");
        for (int m = 0; m < modes.length; m++) {
            double c = median(cpu[m]);
            out.append(String.format(" %s %.1f (%+.1f%%)", modes[m].name, c / 1000, (c - off) * 100 / off));
        }
        System.out.println(out);
        for (Mode m : modes) {
            System.out.println(m.name + ": spans exported " + m.tracing.stats().exported() + ", dropped " + m.tracing.stats().dropped());
            m.tracing.close();
        }
        receiver.stop(0);
    }

    record Mode(String name, TracingService tracing, TracingFilter filter, WorkflowListener listener) {}

    static Mode mode(String name, String endpoint) {
        Map<String, String> otel = endpoint == null ? Map.of() : Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint, "OTEL_EXPORTER_OTLP_TIMEOUT", "1000");
        Settings.Tracing config = new Settings.Tracing(false, Secret.NONE, "BackBone-AI", "https://api.smith.langchain.com", false, false, otel);
        TracingService t = TracingService.start(config, "bench", "0", "bench");
        return new Mode(name, t, t.enabled() ? new TracingFilter(t) : null,
                t.enabled() ? new TracingWorkflowListener(t) : WorkflowListener.NONE);
    }

    /** Process CPU nanoseconds per request. */
    static double run(Mode m, Workflow workflow, String schema, int n) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        FilterChain work = (rq, rs) -> workflow.validate(schema, Limits.SERVICE, m.listener);
        long c0 = os.getProcessCpuTime();
        for (int i = 0; i < n; i++) {
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
        return (os.getProcessCpuTime() - c0) / (double) n;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
