package dev.backbone.agents.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import java.util.List;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds the LangChain4j {@link ChatModel} for a provider. Retries are off in the model
 * ({@code maxRetries(0)}): {@link MeteredChat} retries itself so that every HTTP request is
 * timed and counted, and so that nothing logs a provider's error body on its own. Request
 * logging stays off: it would print headers, and headers hold the key.
 */
public final class LlmFactory {

    /** Anthropic requires a limit; a schema document for 50 tables fits in it. */
    static final int ANTHROPIC_MAX_TOKENS = 8192;

    private LlmFactory() {}

    /** @throws LlmNotConfiguredException when the provider needs a key and has none */
    public static ChatModel create(ProviderConfig c) {
        return create(c, List.of());
    }

    /**
     * @param listeners LangChain4j listeners told of every request, response and error (tracing)
     * @throws LlmNotConfiguredException when the provider needs a key and has none
     */
    public static ChatModel create(ProviderConfig c, List<ChatModelListener> listeners) {
        if (!c.configured()) {
            throw new LlmNotConfiguredException(c);
        }
        return switch (c.provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .apiKey(c.apiKey()).modelName(c.model()).baseUrl(c.baseUrl())
                    .timeout(c.timeout()).maxRetries(0).logRequests(false).logResponses(false)
                    .listeners(listeners).build();
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .apiKey(c.apiKey()).modelName(c.model()).baseUrl(c.baseUrl())
                    .timeout(c.timeout()).maxRetries(0).maxTokens(ANTHROPIC_MAX_TOKENS)
                    .logRequests(false).logResponses(false)
                    .listeners(listeners).build();
            case GOOGLE -> GoogleAiGeminiChatModel.builder()
                    .apiKey(c.apiKey()).modelName(c.model()).baseUrl(c.baseUrl())
                    .timeout(c.timeout()).maxRetries(0).logRequestsAndResponses(false)
                    .listeners(listeners).build();
            case OLLAMA -> OllamaChatModel.builder()
                    .modelName(c.model()).baseUrl(c.baseUrl())
                    .timeout(c.timeout()).maxRetries(0).logRequests(false).logResponses(false)
                    .listeners(listeners).build();
        };
    }
}
