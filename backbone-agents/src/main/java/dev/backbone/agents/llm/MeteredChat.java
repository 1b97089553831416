package dev.backbone.agents.llm;

import dev.backbone.core.workflow.WorkflowListener;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place every LLM call goes through: it times each HTTP request, reports it with the
 * provider's token usage to {@link WorkflowListener#llmCall}, maps failures to an
 * {@link LlmErrorType}, retries transient ones ({@code LLM_MAX_RETRIES}) with a growing pause,
 * and never throws: a failed call is an {@link LlmResult} with a message that holds no key.
 * Failures go to the listener's {@code message} (the server logs them with the request id) and
 * to this class's logger at debug level (for library and CLI use).
 * One instance serves concurrent calls (the listener comes with each call).
 */
public final class MeteredChat {

    /** First pause before a retry; doubles each time, at most {@link #MAX_BACKOFF}. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(MeteredChat.class);

    private final ProviderConfig config;
    private final ChatModel model;
    private final Duration backoff;

    /** @param backoff the first pause before a retry ({@link #DEFAULT_BACKOFF}; tests pass zero) */
    public MeteredChat(ProviderConfig config, ChatModel model, Duration backoff) {
        this.config = Objects.requireNonNull(config, "config");
        this.model = Objects.requireNonNull(model, "model");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /**
     * A metered chat on the provider of {@code config}; build it once and share it.
     *
     * @throws LlmNotConfiguredException when the provider's key is missing
     */
    public static MeteredChat of(ProviderConfig config) {
        return of(config, LlmListeners.NONE);
    }

    /** As {@link #of(ProviderConfig)}, the chat model built with {@code listeners}' model listeners. */
    public static MeteredChat of(ProviderConfig config, LlmListeners listeners) {
        return new MeteredChat(config, LlmFactory.create(config, listeners.forProvider(config)), DEFAULT_BACKOFF);
    }

    public ProviderConfig config() {
        return config;
    }

    /** Sends the conversation and parses the reply; transient failures are retried. Never throws. */
    public <T> LlmResult<T> call(List<ChatMessage> messages, ReplyParser<T> parser, WorkflowListener listener) {
        ChatRequest request = ChatRequest.builder().messages(messages).build();
        long prompt = 0;
        long completion = 0;
        for (int attempt = 1; ; attempt++) {
            Attempt<T> a = once(request, parser, listener);
            prompt += a.prompt;
            completion += a.completion;
            if (a.error == null) {
                return new LlmResult<>(a.value, a.text, prompt, completion, attempt, null, null);
            }
            boolean retry = a.error.transientFailure() && attempt <= config.maxRetries();
            String line = "LLM call failed: provider=" + config.provider().wire() + " model=" + config.model()
                    + " error_type=" + a.error.wire() + " try=" + attempt + "/" + (config.maxRetries() + 1)
                    + (retry ? " (retrying)" : "") + ": " + a.message;
            log.debug(line);
            listener.message("warn", line);
            if (!retry || !pause(attempt)) {
                return new LlmResult<>(null, a.text, prompt, completion, attempt, a.error, a.message);
            }
        }
    }

    /** One HTTP request, reported to the listener whatever happens. */
    private <T> Attempt<T> once(ChatRequest request, ReplyParser<T> parser, WorkflowListener listener) {
        String provider = config.provider().wire();
        long t0 = System.nanoTime();
        ChatResponse response;
        try {
            response = model.chat(request);
        } catch (RuntimeException e) {
            LlmErrorType type = LlmErrorType.classify(e);
            listener.llmCall(provider, config.model(), System.nanoTime() - t0, 0, 0, type.wire());
            return new Attempt<>(null, null, 0, 0, type, describe(type, e));
        }
        long nanos = System.nanoTime() - t0;
        TokenUsage usage = response.tokenUsage();
        long prompt = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long completion = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        Attempt<T> result;
        if (text == null || text.isBlank()) {
            result = new Attempt<>(null, text, prompt, completion, LlmErrorType.INVALID_RESPONSE, "the reply held no text");
        } else {
            try {
                result = new Attempt<>(parser.parse(text), text, prompt, completion, null, null);
            } catch (ReplyParser.InvalidReplyException e) {
                result = new Attempt<>(null, text, prompt, completion, LlmErrorType.INVALID_RESPONSE, e.getMessage());
            }
        }
        listener.llmCall(provider, config.model(), nanos, prompt, completion, result.error == null ? null : result.error.wire());
        return result;
    }

    /** A short, key-free account of a failure: the HTTP status and the provider's words if any. */
    private String describe(LlmErrorType type, Throwable e) {
        HttpException http = null;
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException h && http == null) {
                http = h;
            }
            root = t;
        }
        String detail = http != null
                ? "HTTP " + http.statusCode() + ": " + http.getMessage()
                : root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return type.wire() + " (" + Secrets.redact(detail, config.apiKey()) + ")";
    }

    /** Sleeps before retry number {@code attempt}; false when interrupted (the caller gives up). */
    private boolean pause(int attempt) {
        long ms = Math.min(backoff.toMillis() << Math.min(attempt - 1, 16), MAX_BACKOFF.toMillis());
        if (ms <= 0) {
            return true;
        }
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Attempt<T>(T value, String text, long prompt, long completion, LlmErrorType error, String message) {}
}
