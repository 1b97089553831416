package dev.backbone.agents.testsupport;

import dev.backbone.core.workflow.WorkflowListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the agents report, as the server's metrics would see it. */
public final class RecordingListener implements WorkflowListener {

    public record LlmCall(String provider, String model, long nanos, long promptTokens, long completionTokens, String errorType) {}

    public final List<LlmCall> llmCalls = new CopyOnWriteArrayList<>();
    /** {@code started:agent}, {@code finished:agent:status}, {@code error:agent:type}. */
    public final List<String> agentEvents = new CopyOnWriteArrayList<>();
    public final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    public void llmCall(String provider, String model, long nanos, long promptTokens, long completionTokens, String errorType) {
        llmCalls.add(new LlmCall(provider, model, nanos, promptTokens, completionTokens, errorType));
    }

    @Override
    public void agentStarted(String agent) {
        agentEvents.add("started:" + agent);
    }

    @Override
    public void agentFinished(String agent, String status, long nanos) {
        agentEvents.add("finished:" + agent + ":" + status);
    }

    @Override
    public void agentError(String agent, String errorType) {
        agentEvents.add("error:" + agent + ":" + errorType);
    }

    @Override
    public void message(String level, String text) {
        messages.add(level + " " + text);
    }

    /** Agent events of one agent only (validation inside the designer reports its own agents too). */
    public List<String> eventsOf(String agent) {
        return agentEvents.stream().filter(e -> e.split(":")[1].equals(agent)).toList();
    }
}
