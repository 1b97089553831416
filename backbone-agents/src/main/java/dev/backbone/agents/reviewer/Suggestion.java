package dev.backbone.agents.reviewer;

import java.util.Objects;

/**
 * One review remark on a schema document.
 *
 * @param path JSON Pointer to the element concerned ({@code /schema/0/columns/2}); empty for the whole document
 * @param severity {@link #SUGGESTION} (an improvement) or {@link #WARNING} (a likely bug or data loss)
 */
public record Suggestion(String path, String severity, String message) {

    public static final String SUGGESTION = "suggestion";
    public static final String WARNING = "warning";

    public Suggestion {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (!SUGGESTION.equals(severity) && !WARNING.equals(severity)) {
            throw new IllegalArgumentException("severity must be suggestion or warning: " + severity);
        }
    }
}
