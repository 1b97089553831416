import dev.backbone.core.workflow.WorkflowListener;
import dev.backbone.server.metrics.HttpMetricsFilter;
import dev.backbone.server.metrics.MetricsWorkflowListener;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.FilterChain;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What the metrics cost per request, measured in-process on one thread's CPU time (so a busy
 * machine does not blur it): the HTTP filter (four families) and the workflow listener with the
 * events one POST /api/v1/validate emits (two stages, two agents). Run by bench/http.sh:
 *   java -cp <server test class path> bench/MetricsCost.java
 */
public class MetricsCost {

    static final byte[] BODY = new byte[180];

    public static void main(String[] args) throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MetricsWorkflowListener listener = new MetricsWorkflowListener(registry);
        listener.registerKnownSeries(List.of(new MetricsWorkflowListener.LlmSeries("openai", "gpt-4o-mini")));
        HttpMetricsFilter filter = new HttpMetricsFilter(registry);
        FilterChain bare = (rq, rs) -> rs.getOutputStream().write(BODY);
        FilterChain events = (rq, rs) -> {
            validationEvents(listener);
            rs.getOutputStream().write(BODY);
        };
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        int n = 200_000;
        double base = 0, http = 0, all = 0;
        for (int round = 0; round < 5; round++) {
            base = run(t, n, () -> bare.doFilter(request(), new MockHttpServletResponse()));
            http = run(t, n, () -> filter.doFilter(request(), new MockHttpServletResponse(), bare));
            all = run(t, n, () -> filter.doFilter(request(), new MockHttpServletResponse(), events));
        }
        System.out.printf("metrics cost per validate request: HTTP filter %.2f µs, workflow listener %.2f µs, total %.2f µs%n",
                (http - base) / 1000, (all - http) / 1000, (all - base) / 1000);
    }

    static void validationEvents(WorkflowListener l) {
        l.workflowStarted("validation");
        l.stageStarted("validate");
        l.agentStarted("schema_validator");
        l.agentFinished("schema_validator", "success", 40_000);
        l.stageFinished("validate", 40_000, true);
        l.stageStarted("plan");
        l.agentStarted("architect");
        l.agentFinished("architect", "success", 20_000);
        l.stageFinished("plan", 20_000, true);
        l.workflowFinished("validation", "completed", 70_000);
    }

    static MockHttpServletRequest request() {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/api/v1/validate");
        r.setContent(BODY);
        r.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/api/v1/validate");
        return r;
    }

    interface Step {
        void run() throws Exception;
    }

    /** CPU nanoseconds per call. */
    static double run(ThreadMXBean t, int n, Step s) throws Exception {
        long c0 = t.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            s.run();
        }
        return (t.getCurrentThreadCpuTime() - c0) / (double) n;
    }
}
