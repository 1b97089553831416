package dev.backbone.core.validate;

import dev.backbone.core.json.Position;
import java.util.Objects;

/**
 * One thing the validator (or the architect) has to say about a document, pointing at the
 * exact value concerned: {@code path} is a JSON Pointer, {@code line}/{@code column} 1-based.
 */
public record Finding(Severity severity, String code, String message, String path, int line, int column) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(path, "path");
    }

    public static Finding of(FindingCode code, String message, Position at) {
        return new Finding(code.severity(), code.name(), message, at.pointer(), at.line(), at.column());
    }

    public static Finding of(FindingCode code, String message, String pointer, Position at) {
        return new Finding(code.severity(), code.name(), message, pointer, at.line(), at.column());
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code FILE:LINE:COLUMN: severity: CODE: message}, the format editors and CI annotators parse. */
    public String toCompilerLine(String file) {
        return file + ":" + line + ":" + column + ": " + severity.wire() + ": " + code + ": " + message;
    }
}
