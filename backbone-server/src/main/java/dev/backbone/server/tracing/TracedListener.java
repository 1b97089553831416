package dev.backbone.server.tracing;

import dev.backbone.core.workflow.WorkflowListener;

/**
 * A listener that also traces: every event goes to the span bridge, then to {@code inner}
 * (the CLI's progress output). For callers that have one listener of their own and want spans
 * beside it without a list of listeners.
 */
public final class TracedListener implements WorkflowListener {

    private final WorkflowListener spans;
    private final WorkflowListener inner;

    public TracedListener(TracingWorkflowListener spans, WorkflowListener inner) {
        this.spans = spans;
        this.inner = inner;
    }

    @Override
    public void workflowStarted(String kind) {
        spans.workflowStarted(kind);
        inner.workflowStarted(kind);
    }

    @Override
    public void workflowFinished(String kind, String status, long nanos) {
        inner.workflowFinished(kind, status, nanos);
        spans.workflowFinished(kind, status, nanos);
    }

    @Override
    public void stageStarted(String stage) {
        spans.stageStarted(stage);
        inner.stageStarted(stage);
    }

    @Override
    public void stageFinished(String stage, long nanos, boolean success) {
        inner.stageFinished(stage, nanos, success);
        spans.stageFinished(stage, nanos, success);
    }

    @Override
    public void agentStarted(String agent) {
        spans.agentStarted(agent);
        inner.agentStarted(agent);
    }

    @Override
    public void agentFinished(String agent, String status, long nanos) {
        inner.agentFinished(agent, status, nanos);
        spans.agentFinished(agent, status, nanos);
    }

    @Override
    public void agentError(String agent, String errorType) {
        spans.agentError(agent, errorType);
        inner.agentError(agent, errorType);
    }

    @Override
    public void toolStarted(String tool) {
        spans.toolStarted(tool);
        inner.toolStarted(tool);
    }

    @Override
    public void toolFinished(String tool, long nanos, boolean success) {
        inner.toolFinished(tool, nanos, success);
        spans.toolFinished(tool, nanos, success);
    }

    @Override
    public void schemaChecked(String projectName, int tables, int errors, int warnings, int infos) {
        spans.schemaChecked(projectName, tables, errors, warnings, infos);
        inner.schemaChecked(projectName, tables, errors, warnings, infos);
    }

    @Override
    public void filesGenerated(String projectName, int files, long lines, int models) {
        spans.filesGenerated(projectName, files, lines, models);
        inner.filesGenerated(projectName, files, lines, models);
    }

    @Override
    public void llmCall(String provider, String model, long nanos, long promptTokens, long completionTokens, String errorType) {
        inner.llmCall(provider, model, nanos, promptTokens, completionTokens, errorType);
    }

    @Override
    public void message(String level, String text) {
        spans.message(level, text);
        inner.message(level, text);
    }
}
