package dev.backbone.core.validate;

import java.util.Objects;

/**
 * One thing BackBone has to say about a document, pointing at the exact value concerned:
 * {@code path} is a JSON Pointer, {@code line}/{@code column} 1-based. Made by
 * {@link FindingCode#at}, so its message is the code's template filled in.
 */
public record Finding(Severity severity, String code, String message, String path, int line, int column) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(path, "path");
    }

    /** The same finding at another line and column (a document embedded in a larger text). */
    public Finding movedTo(int line, int column) {
        return new Finding(severity, code, message, path, line, column);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code FILE:LINE:COLUMN: severity: CODE: message}, the format editors and CI annotators parse. */
    public String toCompilerLine(String file) {
        return file + ":" + line + ":" + column + ": " + severity.wire() + ": " + code + ": " + message;
    }
}
