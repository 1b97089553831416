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
     * An object: fields in document order, with the position of each key.
     *
     * <p>The reader makes one per table, column and relationship of a document, so this is kept
     * to three exact arrays: names, values, and each key's line and column packed in a
     * {@code long}. A key's {@link Position} is made only when asked for (only an unknown field's
     * finding needs one).
     */
    final class JsonObject implements JsonNode {
        private final Position position;
        private final String[] names;
        private final JsonNode[] values;
        private final long[] keyAt;

        /** Takes the arrays over; the parser hands fresh ones of the exact size, with distinct names. */
        JsonObject(Position position, String[] names, JsonNode[] values, long[] keyAt) {
            this.position = position;
            this.names = names;
            this.values = values;
            this.keyAt = keyAt;
        }

        @Override
        public Position position() {
            return position;
        }

        public int size() {
            return names.length;
        }

        public String name(int i) {
            return names[i];
        }

        public JsonNode value(int i) {
            return values[i];
        }

        /** Where the {@code i}-th key itself (not its value) is written. */
        public Position keyPosition(int i) {
            return position.field(names[i], (int) (keyAt[i] >>> 32), (int) keyAt[i]);
        }

        public JsonNode get(String name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return values[i];
                }
            }
            return null;
        }

        /** The fields in document order, read-only. */
        public Map<String, JsonNode> fields() {
            return ArrayMap.wrap(names, values);
        }

        /** Each field's key position, in document order. */
        public Map<String, Position> keyPositions() {
            Position[] at = new Position[names.length];
            for (int i = 0; i < at.length; i++) {
                at[i] = keyPosition(i);
            }
            return ArrayMap.wrap(names, at);
        }

        @Override
        public String typeName() {
            return "object";
        }

        @Override
        public boolean equals(Object o) {
            return o == this || (o instanceof JsonObject other && position.equals(other.position)
                    && fields().equals(other.fields()) && keyPositions().equals(other.keyPositions()));
        }

        @Override
        public int hashCode() {
            return position.hashCode() * 31 + fields().hashCode();
        }

        @Override
        public String toString() {
            return "JsonObject[position=" + position + ", fields=" + fields() + "]";
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
