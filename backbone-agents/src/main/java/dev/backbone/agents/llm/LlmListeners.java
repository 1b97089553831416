package dev.backbone.agents.llm;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import java.util.List;

/**
 * LangChain4j model listeners to attach to each provider's chat model: how the server and the
 * CLI turn every LLM request into a span (prompt, completion, token usage, errors) without this
 * module knowing about tracing. Called once per chat model, when the agents are built.
 */
@FunctionalInterface
public interface LlmListeners {

    LlmListeners NONE = config -> List.of();

    List<ChatModelListener> forProvider(ProviderConfig config);
}
