package dev.backbone.core.json;

import java.util.List;
import java.util.Map;

/**
 * A JSON value that remembers where it came from.
 *
 * <p>Jackson's tree model forgets token locations once parsing ends; the validator needs the
 * line and column of every value it complains about, so the reader builds this small tree
 * instead. Objects keep their fields in document order (findings are reported in that order).
 */
public sealed interface JsonNode {

    /** Where this value starts in the source text and its JSON Pointer. */
    Position position();

    /** A short name of the JSON type for messages ("string", "object", ...). */
    String typeName();

    /**
     * An object: ordered fields with the position of each key. The maps are taken over, not
     * copied (the parser builds them fresh for each object and never touches them again: copying
     * them doubled the reader's allocation on large documents); callers see them read-only.
     */
    record JsonObject(Position position, Map<String, JsonNode> fields, Map<String, Position> keyPositions)
            implements JsonNode {
        public JsonObject {
            fields = java.util.Collections.unmodifiableMap(fields);
            keyPositions = java.util.Collections.unmodifiableMap(keyPositions);
        }

        public JsonNode get(String name) {
            return fields.get(name);
        }

        @Override
        public String typeName() {
            return "object";
        }
    }

    /** An array of values. */
    record JsonArray(Position position, List<JsonNode> items) implements JsonNode {
        public JsonArray {
            items = List.copyOf(items);
        }

        @Override
        public String typeName() {
            return "array";
        }
    }

    /** A string. */
    record JsonString(Position position, String value) implements JsonNode {
        @Override
        public String typeName() {
            return "string";
        }
    }

    /** A number; integral numbers keep exactness through {@link java.math.BigDecimal}. */
    record JsonNumber(Position position, java.math.BigDecimal value, boolean integral) implements JsonNode {
        @Override
        public String typeName() {
            return integral ? "integer" : "number";
        }
    }

    /** {@code true} or {@code false}. */
    record JsonBoolean(Position position, boolean value) implements JsonNode {
        @Override
        public String typeName() {
            return "boolean";
        }
    }

    /** {@code null}. */
    record JsonNull(Position position) implements JsonNode {
        @Override
        public String typeName() {
            return "null";
        }
    }
}
