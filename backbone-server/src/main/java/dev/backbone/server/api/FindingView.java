package dev.backbone.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.Severity;

/**
 * A finding on the wire: {@code {severity, code, message, path, line, column}}, severity in
 * lower case as in the CLI's JSON. {@code path} is a JSON Pointer into the schema document
 * (into the request body for findings about the body itself); line and column are 1-based.
 */
record FindingView(
        @JsonProperty("severity") String severity,
        @JsonProperty("code") String code,
        @JsonProperty("message") String message,
        @JsonProperty("path") String path,
        @JsonProperty("line") int line,
        @JsonProperty("column") int column) {

    static FindingView of(Finding f) {
        return new FindingView(f.severity().wire(), f.code(), f.message(), f.path(), f.line(), f.column());
    }

    static FindingView error(String code, String message) {
        return new FindingView(Severity.ERROR.wire(), code, message, "", 1, 1);
    }
}
