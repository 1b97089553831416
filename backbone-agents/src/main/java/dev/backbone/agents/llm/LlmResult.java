package dev.backbone.agents.llm;

/**
 * The outcome of one metered conversation turn (with its retries): the parsed value, or a
 * bounded error type and a message that is safe to show (no key, shortened).
 *
 * @param value the parsed reply; null on failure
 * @param text the raw reply text when the provider answered (also on {@code invalid_response}); else null
 * @param promptTokens prompt tokens the provider reported, summed over the tries
 * @param completionTokens completion tokens the provider reported, summed over the tries
 * @param requests HTTP requests made (1 + retries used)
 * @param error null on success
 * @param message null on success
 */
public record LlmResult<T>(T value, String text, long promptTokens, long completionTokens, int requests,
                           LlmErrorType error, String message) {

    public boolean ok() {
        return error == null;
    }
}
