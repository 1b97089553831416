package dev.backbone.server.metrics;

import java.time.Duration;
import java.util.Arrays;

/**
 * Every metric family of the guide, as Micrometer names, and the histogram buckets of each
 * kind of duration. Micrometer's Prometheus naming turns {@code backbone.http.requests} (a
 * counter) into {@code backbone_http_requests_total} and a timer into {@code ..._seconds};
 * {@code MetricsExportTest} checks the exported names against the guide's.
 */
public final class MetricNames {

    public static final String HTTP_REQUESTS = "backbone.http.requests";
    public static final String HTTP_DURATION = "backbone.http.request.duration";
    public static final String HTTP_REQUEST_SIZE = "backbone.http.request.size";
    public static final String HTTP_RESPONSE_SIZE = "backbone.http.response.size";

    public static final String AGENT_EXECUTIONS = "backbone.agent.executions";
    public static final String AGENT_DURATION = "backbone.agent.execution.duration";
    public static final String AGENT_ERRORS = "backbone.agent.errors";

    public static final String WORKFLOW_EXECUTIONS = "backbone.workflow.executions";
    public static final String WORKFLOW_DURATION = "backbone.workflow.duration";
    public static final String WORKFLOW_STAGES = "backbone.workflow.stages.duration";

    public static final String CODE_FILES = "backbone.code.files.generated";
    public static final String CODE_LINES = "backbone.code.lines.generated";
    public static final String CODE_MODELS = "backbone.code.models.generated";

    public static final String LLM_REQUESTS = "backbone.llm.requests";
    public static final String LLM_DURATION = "backbone.llm.request.duration";
    public static final String LLM_TOKENS = "backbone.llm.tokens.used";
    public static final String LLM_ERRORS = "backbone.llm.errors";

    public static final String ACTIVE_WORKFLOWS = "backbone.active.workflows";
    public static final String HEALTH_STATUS = "backbone.health.status";
    public static final String RATE_LIMIT_REJECTIONS = "backbone.rate.limit.rejections";

    /** HTTP: 5 ms to 60 s. */
    public static final Duration[] HTTP_BUCKETS = seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60);

    /** Agents and stages: from 1 ms (the deterministic agents take milliseconds) to 5 min (LLM agents). */
    public static final Duration[] STEP_BUCKETS =
            seconds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300);

    /** Whole workflows: 5 ms to 10 min. */
    public static final Duration[] WORKFLOW_BUCKETS =
            seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600);

    /** LLM calls: 100 ms to 2 min. */
    public static final Duration[] LLM_BUCKETS = seconds(0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120);

    /** Body sizes: 64 B to 10 MB (the default MAX_JSON_SIZE). */
    public static final double[] SIZE_BUCKETS =
            {64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 10485760};

    private MetricNames() {}

    private static Duration[] seconds(double... s) {
        return Arrays.stream(s).mapToObj(x -> Duration.ofNanos(Math.round(x * 1e9))).toArray(Duration[]::new);
    }
}
