package dev.backbone.server.api;

import dev.backbone.core.json.JsonSyntaxException;
import dev.backbone.core.json.Position;
import dev.backbone.core.json.PositionalJsonParser;
import dev.backbone.core.json.ReadLimits;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.FindingCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * The request body {@code {"schema": ..., "<flag>": true|false}} read in one streaming pass
 * that keeps the exact span of the {@code schema} value in the raw body. The engine then
 * validates that span's text, and {@link #toBody(Finding)} moves each finding's line and
 * column back into the body, so positions point at what the client sent, character for
 * character, however it was indented.
 *
 * <p>{@code schema} may also be a string holding the document (what a client that read a file
 * sends without parsing it); positions then refer to the text of that string.
 */
final class SchemaEnvelope {

    /**
     * No duplicate detection here: the body's own keys are checked below, and a repeated key
     * inside the schema is the engine reader's to report, with the same message and position
     * the CLI gives.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(PositionalJsonParser.MAX_DEPTH + 1).build())
            .build();

    /** The outcome: either {@code findings} (the body itself is wrong) or the schema text and flags. */
    record Parsed(
            String schemaText,
            boolean schemaWasString,
            int startLine,
            int startColumn,
            Map<String, Boolean> flags,
            List<Finding> findings,
            boolean syntaxError) {

        boolean ok() {
            return findings.isEmpty();
        }

        /** A finding of the schema text, with line/column moved into the request body. */
        Finding toBody(Finding f) {
            if (schemaWasString || f.line() <= 0) {
                return f;
            }
            int line = startLine + f.line() - 1;
            int column = f.line() == 1 ? startColumn + f.column() - 1 : f.column();
            return f.movedTo(line, column);
        }
    }

    private SchemaEnvelope() {}

    /**
     * Reads {@code body}.
     *
     * @param flags the boolean fields this route accepts, with their defaults
     */
    static Parsed parse(String body, Map<String, Boolean> flags) {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            try {
                return read(p, body, flags);
            } catch (StreamConstraintsException e) {
                // The engine's words and place for a parser limit (depth, a number's or a key's length).
                JsonSyntaxException x = ReadLimits.describe(e, p, body, 1);
                return failed(syntax(x.getMessage(), x.line(), x.column()), true);
            }
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            return failed(syntax(PositionalJsonParser.message(e.getOriginalMessage(), "not JSON"), line, column), true);
        }
    }

    private static Parsed read(JsonParser p, String body, Map<String, Boolean> flags) {
        Map<String, Boolean> values = new LinkedHashMap<>(flags);
        List<Finding> problems = new ArrayList<>();
        JsonToken first = p.nextToken();
        if (first == null) {
            return failed(syntax("the request body is empty: send {\"schema\": {...}}", 1, 1), true);
        }
        if (first != JsonToken.START_OBJECT) {
            TokenStreamLocation at = p.currentTokenLocation();
            return failed(structure("the request body must be a JSON object {\"schema\": {...}}", "", at), false);
        }
        String schemaText = null;
        boolean wasString = false;
        int line = 1;
        int column = 1;
        TokenStreamLocation schemaAt = null;
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            if (!seen.add(name)) {
                TokenStreamLocation at = p.currentTokenLocation();
                return failed(syntax(PositionalJsonParser.duplicateKeyMessage(name),
                        at.getLineNr(), at.getColumnNr()), true);
            }
            JsonToken value = p.nextToken();
            TokenStreamLocation at = p.currentTokenLocation();
            if ("schema".equals(name)) {
                schemaAt = at;
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    int start = (int) at.getCharOffset();
                    p.skipChildren();
                    int end = (int) p.currentTokenLocation().getCharOffset() + 1;
                    schemaText = body.substring(start, end);
                    line = at.getLineNr();
                    column = at.getColumnNr();
                } else if (value == JsonToken.VALUE_STRING) {
                    schemaText = p.getString();
                    wasString = true;
                } else {
                    problems.add(structure("`schema` must be the schema document (a JSON object) or a string holding it, not "
                            + kind(value), "/schema", at));
                }
            } else if (values.containsKey(name)) {
                if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
                    values.put(name, value == JsonToken.VALUE_TRUE);
                } else {
                    problems.add(structure("`" + name + "` must be true or false, not " + kind(value), "/" + name, at));
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
        }
        if (p.nextToken() != null) {
            TokenStreamLocation at = p.currentTokenLocation();
            return failed(syntax("unexpected content after the end of the request body", at.getLineNr(), at.getColumnNr()), true);
        }
        if (schemaAt == null) {
            problems.add(FindingCode.SCHEMA_VALIDATION_ERROR.at(new Position("", 1, 1),
                    "the request body has no `schema` field: send {\"schema\": {...}}"));
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, false, 1, 1, Map.copyOf(values), List.copyOf(problems), false);
        }
        return new Parsed(schemaText, wasString, line, column, Map.copyOf(values), List.of(), false);
    }

    private static Parsed failed(Finding f, boolean syntax) {
        return new Parsed(null, false, 1, 1, Map.of(), List.of(f), syntax);
    }

    /** A JSON_SYNTAX_ERROR; {@code problem} follows "invalid JSON: ". */
    private static Finding syntax(String problem, int line, int column) {
        return FindingCode.JSON_SYNTAX_ERROR.at(new Position("", line, column), problem);
    }

    private static Finding structure(String message, String pointer, TokenStreamLocation at) {
        return FindingCode.SCHEMA_VALIDATION_ERROR.at(new Position(pointer, Math.max(1, at.getLineNr()),
                Math.max(1, at.getColumnNr())), message);
    }

    private static String kind(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }
}
