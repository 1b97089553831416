package dev.backbone.agents.llm;

import dev.backbone.core.workflow.WorkflowListener;

/**
 * Reports one run of an LLM agent to the listener as the pipeline's agents are reported:
 * started, then an error type if it failed, then finished with its duration.
 */
public final class AgentRun {

    /** The agent was asked for but its provider has no key: not an LLM call, so not an LLM error type. */
    public static final String NOT_CONFIGURED = "not_configured";
    /** The designer ran out of tries with a document that still has errors. */
    public static final String INVALID_SCHEMA = "invalid_schema";

    private final LlmAgent agent;
    private final WorkflowListener listener;
    private final long start = System.nanoTime();

    private AgentRun(LlmAgent agent, WorkflowListener listener) {
        this.agent = agent;
        this.listener = listener;
    }

    public static AgentRun start(LlmAgent agent, WorkflowListener listener) {
        listener.agentStarted(agent.metricName());
        return new AgentRun(agent, listener);
    }

    public void succeeded() {
        listener.agentFinished(agent.metricName(), "success", System.nanoTime() - start);
    }

    public void failed(String errorType) {
        listener.agentError(agent.metricName(), errorType);
        listener.agentFinished(agent.metricName(), "failure", System.nanoTime() - start);
    }
}
