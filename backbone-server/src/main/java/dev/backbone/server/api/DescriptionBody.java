package dev.backbone.server.api;

import dev.backbone.core.validate.FindingCode;
import dev.backbone.core.validate.Severity;
import java.util.List;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code {"description": "..."}}, the body of {@code POST /api/v1/design}: a JSON object
 * whose {@code description} is a non-empty string of at most {@link #MAX_LENGTH} characters (a
 * bound on what one request can make the service send to a paid API). A body that is not JSON is
 * a 400 with the line and column; anything else wrong is a 422 naming the field.
 */
final class DescriptionBody {

    /** Longest description accepted, in characters: a few pages of requirements. */
    static final int MAX_LENGTH = 10_000;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private DescriptionBody() {}

    /** The description, stripped; or an {@link ApiException} laid out with {@code shape}. */
    static String read(String body, Shape shape) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            String first = e.getOriginalMessage() == null ? "not JSON" : e.getOriginalMessage().strip().lines().findFirst().orElse("");
            FindingView f = new FindingView(Severity.ERROR.wire(), FindingCode.JSON_SYNTAX_ERROR.name(),
                    "invalid JSON: " + first, "", line, column);
            throw ApiErrors.badRequest("the request body is not valid JSON: " + f.message() + " at line " + line
                    + ", column " + column, f, shape);
        }
        if (tree == null || tree.isMissingNode()) {
            throw invalid("the request body is empty: send {\"description\": \"...\"}", "", shape);
        }
        if (!tree.isObject()) {
            throw invalid("the request body must be a JSON object {\"description\": \"...\"}", "", shape);
        }
        JsonNode d = tree.get("description");
        if (d == null) {
            throw invalid("the request body has no `description` field: send {\"description\": \"...\"}", "", shape);
        }
        if (!d.isString()) {
            throw invalid("`description` must be a string saying what the application stores", "/description", shape);
        }
        String text = d.stringValue().strip();
        if (text.isEmpty()) {
            throw invalid("`description` is empty: say what the application stores", "/description", shape);
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid("`description` is " + text.length() + " characters; at most " + MAX_LENGTH + " are accepted",
                    "/description", shape);
        }
        return text;
    }

    private static ApiException invalid(String message, String path, Shape shape) {
        FindingView f = new FindingView(Severity.ERROR.wire(), FindingCode.SCHEMA_VALIDATION_ERROR.name(), message, path, 1, 1);
        return ApiErrors.withFindings(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", message, List.of(f), List.of(),
                List.of(), null, shape);
    }
}
