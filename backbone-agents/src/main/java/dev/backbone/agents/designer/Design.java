package dev.backbone.agents.designer;

import dev.backbone.core.workflow.ValidationOutcome;

/**
 * What the designer produced. {@link #valid()} means {@code schemaText} passed validation and
 * can go straight to generation. Otherwise {@code errorType} says why: an LLM error type
 * ({@code timeout}, {@code authentication}, ...), {@code invalid_schema} (tries ran out with
 * errors left; the last draft and its findings are kept) or {@code not_configured}.
 *
 * @param schemaText the last draft; null when the model never returned a JSON document
 * @param outcome the validation of the last draft; null when there was none
 * @param attempts drafts asked for (1 + repair rounds used)
 * @param message null on success; else a short reason that is safe to show
 */
public record Design(String schemaText, ValidationOutcome outcome, int attempts, String errorType, String message) {

    public boolean valid() {
        return errorType == null && outcome != null && outcome.valid();
    }
}
