package dev.backbone.server.metrics;

import static dev.backbone.server.metrics.MetricNames.*;

import dev.backbone.agents.llm.LlmAgent;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Turns the engine's events into the guide's agent, workflow, stage, code and LLM families.
 * Only {@code generation} workflows count in the {@code backbone_workflow_*} families (their
 * success rate is what the guide's dashboards mean); validation runs are recorded through
 * their stages and agents. Stateless apart from the registry: one instance serves all threads.
 */
public final class MetricsWorkflowListener implements WorkflowListener {

    static final String GENERATION = "generation";
    static final List<String> STAGES =
            List.of(Workflow.STAGE_VALIDATE, Workflow.STAGE_PLAN, Workflow.STAGE_GENERATE, Workflow.STAGE_VERIFY);
    /** The pipeline's agents and the LLM agents ({@code schema_designer}, {@code schema_reviewer}). */
    static final List<String> AGENTS =
            List.of(Workflow.SCHEMA_VALIDATOR, Workflow.ARCHITECT, Workflow.CODE_GENERATOR, Workflow.CODE_VALIDATOR,
                    LlmAgent.SCHEMA_DESIGNER.metricName(), LlmAgent.SCHEMA_REVIEWER.metricName());

    private final MeterRegistry registry;
    private final ConcurrentMap<List<String>, Meter> meters = new ConcurrentHashMap<>();
    private final LabelValues projects = new LabelValues(200);
    private final LabelValues agentNames = new LabelValues(50);
    private final LabelValues stages = new LabelValues(50);
    private final LabelValues errorTypes = new LabelValues(100);
    private final LabelValues models = new LabelValues(50);

    public MetricsWorkflowListener(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Creates the series known in advance at zero, so every family exists before the first run. */
    public void registerKnownSeries(List<LlmSeries> llm) {
        for (String status : List.of("completed", "failed", "error", "cancelled")) {
            counter(WORKFLOW_EXECUTIONS, "Workflow executions by final status", "status", status);
        }
        timer(WORKFLOW_DURATION, "Duration of whole generation workflows", WORKFLOW_BUCKETS);
        for (String stage : STAGES) {
            timer(WORKFLOW_STAGES, "Duration of each workflow stage", STEP_BUCKETS, "stage", stage);
        }
        for (String agent : AGENTS) {
            counter(AGENT_EXECUTIONS, "Agent executions", "agent_name", agent, "status", "success");
            counter(AGENT_EXECUTIONS, "Agent executions", "agent_name", agent, "status", "failure");
            timer(AGENT_DURATION, "Agent execution time", STEP_BUCKETS, "agent_name", agent);
        }
        counter(AGENT_ERRORS, "Agent errors", "agent_name", Workflow.SCHEMA_VALIDATOR, "error_type", "invalid_schema");
        counter(CODE_LINES, "Lines of code generated");
        counter(CODE_MODELS, "Models generated");
        for (LlmSeries s : llm) {
            counter(LLM_REQUESTS, "LLM API requests", "provider", s.provider(), "model", s.model());
            timer(LLM_DURATION, "LLM API latency", LLM_BUCKETS, "provider", s.provider(), "model", s.model());
            counter(LLM_TOKENS, "LLM tokens used", "provider", s.provider(), "model", s.model(), "type", "prompt");
            counter(LLM_TOKENS, "LLM tokens used", "provider", s.provider(), "model", s.model(), "type", "completion");
            for (String type : LabelValues.LLM_ERROR_TYPES) {
                counter(LLM_ERRORS, "LLM API errors", "provider", s.provider(), "error_type", type);
            }
        }
    }

    /** A provider/model pair whose LLM series are created at zero. */
    public record LlmSeries(String provider, String model) {}

    @Override
    public void workflowFinished(String kind, String status, long nanos) {
        if (GENERATION.equals(kind)) {
            counter(WORKFLOW_EXECUTIONS, "Workflow executions by final status", "status", LabelValues.clean(status))
                    .increment();
            timer(WORKFLOW_DURATION, "Duration of whole generation workflows", WORKFLOW_BUCKETS)
                    .record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void stageFinished(String stage, long nanos, boolean success) {
        timer(WORKFLOW_STAGES, "Duration of each workflow stage", STEP_BUCKETS, "stage", stages.bounded(stage))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void agentFinished(String agent, String status, long nanos) {
        String a = agentNames.bounded(agent);
        counter(AGENT_EXECUTIONS, "Agent executions", "agent_name", a, "status", LabelValues.clean(status)).increment();
        timer(AGENT_DURATION, "Agent execution time", STEP_BUCKETS, "agent_name", a).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void agentError(String agent, String errorType) {
        counter(AGENT_ERRORS, "Agent errors", "agent_name", agentNames.bounded(agent),
                "error_type", errorTypes.bounded(errorType)).increment();
    }

    @Override
    public void filesGenerated(String projectName, int files, long lines, int models) {
        counter(CODE_FILES, "Files generated", "project_name", projects.bounded(projectName)).increment(files);
        counter(CODE_LINES, "Lines of code generated").increment(lines);
        counter(CODE_MODELS, "Models generated").increment(models);
    }

    @Override
    public void llmCall(String provider, String model, long nanos, long promptTokens, long completionTokens, String errorType) {
        String p = LabelValues.clean(provider);
        String m = models.bounded(model);
        counter(LLM_REQUESTS, "LLM API requests", "provider", p, "model", m).increment();
        timer(LLM_DURATION, "LLM API latency", LLM_BUCKETS, "provider", p, "model", m).record(nanos, TimeUnit.NANOSECONDS);
        if (promptTokens > 0) {
            counter(LLM_TOKENS, "LLM tokens used", "provider", p, "model", m, "type", "prompt").increment(promptTokens);
        }
        if (completionTokens > 0) {
            counter(LLM_TOKENS, "LLM tokens used", "provider", p, "model", m, "type", "completion").increment(completionTokens);
        }
        if (errorType != null) {
            counter(LLM_ERRORS, "LLM API errors", "provider", p, "error_type", LabelValues.llmErrorType(errorType)).increment();
        }
    }

    /** Meters by name and tags: a map lookup per event instead of building and registering a meter id. */
    private Counter counter(String name, String help, String... tags) {
        return (Counter) meters.computeIfAbsent(key(name, tags),
                k -> Counter.builder(name).description(help).tags(tags).register(registry));
    }

    private Timer timer(String name, String help, Duration[] buckets, String... tags) {
        return (Timer) meters.computeIfAbsent(key(name, tags),
                k -> Timer.builder(name).description(help).tags(tags).serviceLevelObjectives(buckets).register(registry));
    }

    private static List<String> key(String name, String[] tags) {
        String[] k = new String[tags.length + 1];
        k[0] = name;
        System.arraycopy(tags, 0, k, 1, tags.length);
        return Arrays.asList(k);
    }
}
