package dev.backbone.server.api;

import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.FindingCode;
import dev.backbone.core.validate.Severity;
import dev.backbone.server.config.Settings;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The path every schema-carrying request takes before and after the engine: read the body
 * (size, media type), find {@code schema} in it, and turn the engine's findings into the right
 * refusal: 400 for text that is not JSON, 422 for a document that breaks the format or an input
 * limit (the response names the limit's variable), nothing for a valid one.
 *
 * <p>The size limits {@code TOO_MANY_COLUMNS} and {@code TOO_MANY_RELATIONSHIPS} are warnings for
 * the CLI, where the user chose the document; the service refuses them like the other limits,
 * as its security guide says.
 */
final class SchemaIntake {

    /** Finding codes of the input limits, with the variable that sets each. */
    static final Map<String, String> LIMIT_VARIABLES = Map.of(
            FindingCode.TOO_MANY_TABLES.name(), "MAX_TABLES",
            FindingCode.TOO_MANY_COLUMNS.name(), "MAX_COLUMNS_PER_TABLE",
            FindingCode.TOO_MANY_RELATIONSHIPS.name(), "MAX_RELATIONSHIPS_PER_TABLE",
            FindingCode.STRING_TOO_LONG.name(), "MAX_STRING_LENGTH",
            FindingCode.ARRAY_TOO_LONG.name(), "MAX_ARRAY_LENGTH");

    private final Settings settings;

    SchemaIntake(Settings settings) {
        this.settings = settings;
    }

    /** Reads and unwraps the body; refuses with 413, 415, 400 or 422 when the body itself is wrong. */
    SchemaEnvelope.Parsed read(HttpServletRequest request, Map<String, Boolean> flags, Shape shape) {
        return parse(RequestBody.readJson(request, settings.input().maxJsonSize(), shape), flags, shape);
    }

    /** Unwraps a body already read (a job's, read when it was submitted); refuses with 400 or 422. */
    SchemaEnvelope.Parsed parse(String body, Map<String, Boolean> flags, Shape shape) {
        SchemaEnvelope.Parsed parsed = SchemaEnvelope.parse(body, flags);
        if (!parsed.ok()) {
            List<FindingView> errors = parsed.findings().stream().map(FindingView::of).toList();
            if (parsed.syntaxError()) {
                throw ApiErrors.withFindings(HttpStatus.BAD_REQUEST, "Malformed JSON",
                        "the request body is not valid JSON: " + where(parsed.findings().get(0)),
                        errors, List.of(), List.of(), null, shape);
            }
            throw ApiErrors.withFindings(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request",
                    parsed.findings().get(0).message(), errors, List.of(), List.of(), null, shape);
        }
        return parsed;
    }

    /**
     * Refuses a document the engine found wrong; returns normally for a valid one.
     *
     * @param findings the engine's findings, already moved into the request body
     * @param strict when true (generation's {@code strict_validation}), warnings refuse too
     */
    void refuseIfInvalid(List<Finding> findings, boolean strict, Shape shape) {
        List<FindingView> errors = views(findings, Severity.ERROR);
        List<FindingView> warnings = views(findings, Severity.WARNING);
        List<FindingView> info = views(findings, Severity.INFO);
        Finding syntax = findings.stream().filter(f -> FindingCode.JSON_SYNTAX_ERROR.name().equals(f.code()))
                .findFirst().orElse(null);
        if (syntax != null) {
            throw ApiErrors.withFindings(HttpStatus.BAD_REQUEST, "Malformed JSON",
                    "the schema is not valid JSON: " + where(syntax), errors, warnings, info, null, shape);
        }
        Finding limit = findings.stream().filter(f -> LIMIT_VARIABLES.containsKey(f.code())).findFirst().orElse(null);
        if (limit != null) {
            String variable = LIMIT_VARIABLES.get(limit.code());
            List<FindingView> limitErrors = new java.util.ArrayList<>(errors);
            findings.stream().filter(f -> f.severity() != Severity.ERROR && LIMIT_VARIABLES.containsKey(f.code()))
                    .map(f -> new FindingView(Severity.ERROR.wire(), f.code(), f.message(), f.path(), f.line(), f.column()))
                    .forEach(limitErrors::add);
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("name", variable);
            l.put("value", limitValue(variable));
            throw ApiErrors.withFindings(HttpStatus.UNPROCESSABLE_CONTENT, "Input limit exceeded",
                    "the schema exceeds the input limit " + variable + " (" + limitValue(variable) + "): " + limit.message(),
                    limitErrors, warnings.stream().filter(w -> !LIMIT_VARIABLES.containsKey(w.code())).toList(), info, l,
                    shape);
        }
        if (!errors.isEmpty()) {
            throw ApiErrors.withFindings(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid schema",
                    errors.size() + " error(s) in the schema; the first: " + errors.get(0).message()
                            + " (" + errors.get(0).path() + ", line " + errors.get(0).line() + ")",
                    errors, warnings, info, null, shape);
        }
        if (strict && !warnings.isEmpty()) {
            // Under strict_validation the warnings are what refuses the schema, so they are its errors.
            List<FindingView> promoted = warnings.stream()
                    .map(w -> new FindingView(Severity.ERROR.wire(), w.code(), w.message(), w.path(), w.line(), w.column()))
                    .toList();
            throw ApiErrors.withFindings(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid schema",
                    "strict_validation is on and the schema has " + warnings.size() + " warning(s); the first: "
                            + promoted.get(0).message() + " (" + promoted.get(0).path() + ", line " + promoted.get(0).line() + ")",
                    promoted, List.of(), info, null, shape);
        }
    }

    /** A document without errors that still has no plan (the architect gave up): refused, never a silent 200. */
    void refuseIfUnplanned(boolean valid, List<Finding> findings, Shape shape) {
        if (!valid) {
            throw ApiErrors.withFindings(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid schema",
                    "the schema could not be planned", views(findings, Severity.ERROR), views(findings, Severity.WARNING),
                    views(findings, Severity.INFO), null, shape);
        }
    }

    private long limitValue(String variable) {
        Settings.Input in = settings.input();
        return switch (variable) {
            case "MAX_TABLES" -> in.maxTables();
            case "MAX_COLUMNS_PER_TABLE" -> in.maxColumnsPerTable();
            case "MAX_RELATIONSHIPS_PER_TABLE" -> in.maxRelationshipsPerTable();
            case "MAX_STRING_LENGTH" -> in.maxStringLength();
            case "MAX_ARRAY_LENGTH" -> in.maxArrayLength();
            default -> in.maxJsonSize();
        };
    }

    static List<FindingView> views(List<Finding> findings, Severity s) {
        return findings.stream().filter(f -> f.severity() == s).map(FindingView::of).toList();
    }

    private static String where(Finding f) {
        return f.message() + " at line " + f.line() + ", column " + f.column();
    }
}
