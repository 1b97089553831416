package dev.backbone.core.workflow;

/**
 * A listener that passes every event on to another. A wrapper that intercepts a few events
 * (cancellation, progress) extends this and overrides only those, so an event added to
 * {@link WorkflowListener} later reaches the listeners behind it without each wrapper having
 * to learn of it; a wrapper written against the interface would silently drop it.
 */
public abstract class ForwardingListener implements WorkflowListener {

    protected final WorkflowListener inner;

    protected ForwardingListener(WorkflowListener inner) {
        this.inner = inner;
    }

    @Override
    public void workflowStarted(String kind) {
        inner.workflowStarted(kind);
    }

    @Override
    public void workflowFinished(String kind, String status, long nanos) {
        inner.workflowFinished(kind, status, nanos);
    }

    @Override
    public void stageStarted(String stage) {
        inner.stageStarted(stage);
    }

    @Override
    public void stageFinished(String stage, long nanos, boolean success) {
        inner.stageFinished(stage, nanos, success);
    }

    @Override
    public void agentStarted(String agent) {
        inner.agentStarted(agent);
    }

    @Override
    public void agentFinished(String agent, String status, long nanos) {
        inner.agentFinished(agent, status, nanos);
    }

    @Override
    public void agentError(String agent, String errorType) {
        inner.agentError(agent, errorType);
    }

    @Override
    public void toolStarted(String tool) {
        inner.toolStarted(tool);
    }

    @Override
    public void toolFinished(String tool, long nanos, boolean success) {
        inner.toolFinished(tool, nanos, success);
    }

    @Override
    public void schemaChecked(String projectName, int tables, int errors, int warnings, int infos) {
        inner.schemaChecked(projectName, tables, errors, warnings, infos);
    }

    @Override
    public void filesGenerated(String projectName, int files, long lines, int models) {
        inner.filesGenerated(projectName, files, lines, models);
    }

    @Override
    public void llmCall(String provider, String model, long nanos, long promptTokens, long completionTokens, String errorType) {
        inner.llmCall(provider, model, nanos, promptTokens, completionTokens, errorType);
    }

    @Override
    public void message(String level, String text) {
        inner.message(level, text);
    }
}
