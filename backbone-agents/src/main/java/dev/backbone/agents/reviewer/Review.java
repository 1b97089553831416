package dev.backbone.agents.reviewer;

import java.util.List;

/**
 * The reviewer's answer. A review never fails the caller: when the LLM could not be asked or
 * answered nonsense, {@code suggestions} is empty and {@code errorType}/{@code message} say why.
 *
 * @param errorType null on success; else an LLM error type ({@code timeout}, {@code invalid_response}, ...)
 *     or {@code not_configured}
 * @param message null on success; else a short reason that is safe to show (never holds a key)
 */
public record Review(List<Suggestion> suggestions, String errorType, String message) {

    public Review {
        suggestions = List.copyOf(suggestions);
    }

    public static Review of(List<Suggestion> suggestions) {
        return new Review(suggestions, null, null);
    }

    public static Review failed(String errorType, String message) {
        return new Review(List.of(), errorType, message);
    }

    public boolean ok() {
        return errorType == null;
    }
}
