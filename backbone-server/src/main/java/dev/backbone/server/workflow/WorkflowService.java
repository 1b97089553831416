package dev.backbone.server.workflow;

import dev.backbone.core.verify.VerifyMode;
import dev.backbone.core.workflow.GenerateRequest;
import dev.backbone.core.workflow.GenerationOutcome;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.ForwardingListener;
import dev.backbone.core.workflow.WorkflowListener;
import dev.backbone.server.config.Settings;
import dev.backbone.server.lifecycle.Cancellation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine's one pipeline for the API with the service's limits and listeners (metrics
 * when enabled, logging always), and counts the runs in progress for
 * {@code backbone_active_workflows} and {@code /health/detailed}.
 */
public final class WorkflowService {

    private static final Logger log = LoggerFactory.getLogger(WorkflowService.class);

    private final Workflow workflow = new Workflow();
    private final Settings settings;
    private final WorkflowListener listener;
    private final AtomicInteger activeGenerations = new AtomicInteger();
    private final AtomicInteger activeValidations = new AtomicInteger();
    private final Cancellation cancellation;

    public WorkflowService(Settings settings, List<WorkflowListener> listeners, Cancellation cancellation) {
        this.settings = settings;
        this.cancellation = cancellation;
        List<WorkflowListener> all = new ArrayList<>(listeners);
        all.add(new LoggingWorkflowListener());
        this.listener = new CancellableListener(new CompositeListener(all), cancellation);
    }

    /** Validate and plan {@code text} under the service's input limits. */
    public ValidationOutcome validate(String text) {
        cancellation.throwIfCancelled();
        activeValidations.incrementAndGet();
        try {
            return workflow.validate(text, settings.input().toLimits(), listener);
        } finally {
            activeValidations.decrementAndGet();
        }
    }

    /** The whole pipeline; {@code verify} is the code_validator's in-JVM checks ({@link VerifyMode#FAST}). */
    public GenerationOutcome generate(String text, boolean verify, boolean strict) {
        GenerateRequest request = new GenerateRequest("request", text, GenerateRequest.DEFAULT_TARGETS,
                settings.templateDir(), verify ? VerifyMode.FAST : VerifyMode.NONE, settings.input().toLimits(), strict);
        cancellation.throwIfCancelled();
        activeGenerations.incrementAndGet();
        try {
            return workflow.generate(request, listener);
        } finally {
            activeGenerations.decrementAndGet();
        }
    }

    /** The listener every pipeline event of this service goes through (for LLM agents run outside {@link Workflow}). */
    public WorkflowListener listener() {
        return listener;
    }

    /** Generation workflows running now (the {@code backbone_active_workflows} gauge). */
    public int activeGenerations() {
        return activeGenerations.get();
    }

    public int activeValidations() {
        return activeValidations.get();
    }

    /**
     * Stops a request the shutdown drain cancelled at the next stage, agent or LLM call: the
     * engine knows nothing of shutdowns, but it announces each step to its listener, and an
     * exception from there ends the run. Outside {@link CompositeListener}, which would swallow it.
     */
    /** Stops a run the drain cancelled at its next event; every other event passes through unchanged. */
    private static final class CancellableListener extends ForwardingListener {

        private final Cancellation cancellation;

        CancellableListener(WorkflowListener inner, Cancellation cancellation) {
            super(inner);
            this.cancellation = cancellation;
        }

        @Override
        public void workflowStarted(String kind) {
            cancellation.throwIfCancelled();
            inner.workflowStarted(kind);
        }

        /** A run the drain stopped ends {@code cancelled}: the engine saw an exception, but nothing failed. */
        @Override
        public void workflowFinished(String kind, String status, long nanos) {
            inner.workflowFinished(kind, "error".equals(status) && cancellation.isCancelled() ? "cancelled" : status, nanos);
        }

        @Override
        public void stageStarted(String stage) {
            cancellation.throwIfCancelled();
            inner.stageStarted(stage);
        }

        @Override
        public void agentStarted(String agent) {
            cancellation.throwIfCancelled();
            inner.agentStarted(agent);
        }

        @Override
        public void toolStarted(String tool) {
            cancellation.throwIfCancelled();
            inner.toolStarted(tool);
        }

        @Override
        public void filesGenerated(String projectName, int files, long lines, int models) {
            cancellation.throwIfCancelled();
            inner.filesGenerated(projectName, files, lines, models);
        }

        @Override
        public void llmCall(String provider, String model, long nanos, long prompt, long completion, String errorType) {
            inner.llmCall(provider, model, nanos, prompt, completion, errorType);
            cancellation.throwIfCancelled();
        }
    }

    /** Fans events out; a failing listener is logged and never fails the user's request. */
    private record CompositeListener(List<WorkflowListener> all) implements WorkflowListener {

        private void each(java.util.function.Consumer<WorkflowListener> call) {
            for (WorkflowListener l : all) {
                try {
                    call.accept(l);
                } catch (RuntimeException e) {
                    log.warn("Workflow listener {} failed: {}", l.getClass().getSimpleName(), e.toString());
                }
            }
        }

        @Override
        public void workflowStarted(String kind) {
            each(l -> l.workflowStarted(kind));
        }

        @Override
        public void workflowFinished(String kind, String status, long nanos) {
            each(l -> l.workflowFinished(kind, status, nanos));
        }

        @Override
        public void stageStarted(String stage) {
            each(l -> l.stageStarted(stage));
        }

        @Override
        public void stageFinished(String stage, long nanos, boolean success) {
            each(l -> l.stageFinished(stage, nanos, success));
        }

        @Override
        public void agentStarted(String agent) {
            each(l -> l.agentStarted(agent));
        }

        @Override
        public void agentFinished(String agent, String status, long nanos) {
            each(l -> l.agentFinished(agent, status, nanos));
        }

        @Override
        public void agentError(String agent, String errorType) {
            each(l -> l.agentError(agent, errorType));
        }

        @Override
        public void toolStarted(String tool) {
            each(l -> l.toolStarted(tool));
        }

        @Override
        public void toolFinished(String tool, long nanos, boolean success) {
            each(l -> l.toolFinished(tool, nanos, success));
        }

        @Override
        public void schemaChecked(String projectName, int tables, int errors, int warnings, int infos) {
            each(l -> l.schemaChecked(projectName, tables, errors, warnings, infos));
        }

        @Override
        public void filesGenerated(String projectName, int files, long lines, int models) {
            each(l -> l.filesGenerated(projectName, files, lines, models));
        }

        @Override
        public void llmCall(String provider, String model, long nanos, long prompt, long completion, String errorType) {
            each(l -> l.llmCall(provider, model, nanos, prompt, completion, errorType));
        }

        @Override
        public void message(String level, String text) {
            each(l -> l.message(level, text));
        }
    }
}
