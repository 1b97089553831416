package dev.backbone.agents.llm;

/**
 * Turns a model's reply text into what an agent needs. A reply that does not fit is an
 * {@link InvalidReplyException}, recorded as an {@code invalid_response} LLM error.
 */
@FunctionalInterface
public interface ReplyParser<T> {

    T parse(String text) throws InvalidReplyException;

    /** The reply text as is. */
    static ReplyParser<String> text() {
        return t -> t;
    }

    /** A reply the agent cannot use; the message says why in a few words (no reply text: it may be long). */
    final class InvalidReplyException extends Exception {
        public InvalidReplyException(String message) {
            super(message);
        }
    }
}
