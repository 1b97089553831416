package dev.backbone.core.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Parses JSON text into a {@link JsonNode} tree that keeps the position of every value.
 *
 * <p>Built on Jackson's streaming parser, which already tracks token locations; we only keep
 * them. Nesting depth is bounded (a hostile document of 100,000 brackets must give a finding,
 * not a {@link StackOverflowError}); duplicate keys are rejected by the parser, since a second
 * {@code "type"} silently winning is a classic source of confusion.
 */
public final class PositionalJsonParser {

    /** Deeper documents are refused; real schemas nest five levels. */
    public static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private PositionalJsonParser() {}

    /** Parses one JSON document; trailing content after it is a syntax error. */
    public static JsonNode parse(String text) throws JsonSyntaxException {
        try (JsonParser p = FACTORY.createParser(tools.jackson.core.ObjectReadContext.empty(), text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new JsonSyntaxException("empty document: expected a JSON object", 1, 1);
            }
            JsonNode root = read(p, "");
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                TokenStreamLocation at = p.currentTokenLocation();
                throw new JsonSyntaxException("unexpected content after the end of the document", at.getLineNr(), at.getColumnNr());
            }
            return root;
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            throw new JsonSyntaxException(cleanMessage(e.getOriginalMessage()), line, column);
        }
    }

    private static JsonNode read(JsonParser p, String pointer) {
        TokenStreamLocation loc = p.currentTokenLocation();
        Position pos = new Position(pointer, loc.getLineNr(), loc.getColumnNr());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, JsonNode> fields = new LinkedHashMap<>();
                Map<String, Position> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    TokenStreamLocation kl = p.currentTokenLocation();
                    String childPointer = Position.child(pointer, name);
                    keys.put(name, new Position(childPointer, kl.getLineNr(), kl.getColumnNr()));
                    p.nextToken();
                    fields.put(name, read(p, childPointer));
                }
                return new JsonNode.JsonObject(pos, fields, keys);
            }
            case START_ARRAY: {
                List<JsonNode> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, pointer + "/" + i++));
                }
                return new JsonNode.JsonArray(pos, items);
            }
            case VALUE_STRING:
                return new JsonNode.JsonString(pos, p.getString());
            case VALUE_NUMBER_INT:
                return new JsonNode.JsonNumber(pos, new BigDecimal(p.getBigIntegerValue()), true);
            case VALUE_NUMBER_FLOAT:
                return new JsonNode.JsonNumber(pos, p.getDecimalValue(), false);
            case VALUE_TRUE:
                return new JsonNode.JsonBoolean(pos, true);
            case VALUE_FALSE:
                return new JsonNode.JsonBoolean(pos, false);
            case VALUE_NULL:
                return new JsonNode.JsonNull(pos);
            default:
                throw new IllegalStateException("unexpected token " + t);
        }
    }

    /** Jackson's messages end with a source excerpt and hints meant for Java developers; keep the first sentence. */
    private static String cleanMessage(String message) {
        if (message == null) {
            return "invalid JSON";
        }
        String m = message.strip();
        int nl = m.indexOf('\n');
        if (nl > 0) {
            m = m.substring(0, nl);
        }
        int hint = m.indexOf(" (for Object starting at");
        if (hint > 0) {
            m = m.substring(0, hint);
        }
        return m.replace("Unexpected character", "unexpected character")
                .replace("Unexpected end-of-input", "unexpected end of input");
    }
}
