package dev.backbone.core.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * Builds one document's {@link JsonNode} tree from Jackson's token stream; one instance per parse.
 *
 * <p>Reading a schema of 10,000 tables makes about a million values, so what each costs matters:
 * an object's fields are gathered in scratch arrays kept per nesting depth and reused, and copied
 * once into exact arrays at the end of the object; value positions come from
 * {@link TokenPositions} without allocating. Duplicate keys are refused here rather than by
 * Jackson, whose check builds a hash set for every object of three keys or more.
 */
final class TreeBuilder {

    /** Objects up to this many keys are checked for duplicates by a scan, larger ones with a set. */
    private static final int SCAN_LIMIT = 16;
    private static final int MAX_CANONICAL_LENGTH = 64;

    private final JsonParser p;
    private final TokenPositions positions;
    private final String streamed;
    private final PositionalJsonParser.ItemSink sink;
    /** Scratch per nesting depth: an object's names, values and packed key positions so far. */
    private String[][] names = new String[8][];
    private JsonNode[][] values = new JsonNode[8][];
    private long[][] keyAt = new long[8][];
    private int depth;
    /** Shares repeated short string values (see {@link #string}). */
    private final StringPool strings = new StringPool();

    TreeBuilder(JsonParser p, String streamed, PositionalJsonParser.ItemSink sink) {
        this.p = p;
        this.positions = TokenPositions.of(p);
        this.streamed = streamed;
        this.sink = sink;
    }

    /** The document at the current (first) token; the root object's {@code streamed} array goes to the sink. */
    JsonNode root() {
        Position pos = new Position("", positions.line(), positions.column());
        return p.currentToken() == JsonToken.START_OBJECT ? object(pos, sink) : value(pos);
    }

    /** The value at the current token, whose position {@code pos} the caller made. */
    private JsonNode value(Position pos) {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT:
                return object(pos, null);
            case START_ARRAY: {
                List<JsonNode> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(pos.item(i++, positions.line(), positions.column())));
                }
                return new JsonNode.JsonArray(pos, items);
            }
            case VALUE_STRING:
                return new JsonNode.JsonString(pos, string());
            case VALUE_NUMBER_INT:
                return new JsonNode.JsonNumber(pos, p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? new BigDecimal(p.getBigIntegerValue()) : BigDecimal.valueOf(p.getLongValue()), true);
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

    /**
     * The current string value: for a short one, the instance seen before, or a new one. Schemas repeat their strings:
     * {@code "id"}, {@code "Integer"}, {@code "created_at"}, {@code "CASCADE"} in every table.
     * Sharing them makes the model a third smaller, and every later pass that hashes or compares
     * a name finds it hot in the cache instead of in a cold corner of a large heap. A name used as a
     * reference ({@code "users"} in a {@code target_table}) is usually the very instance the table
     * declared, so lookups by it succeed on identity. Long strings (descriptions) are rarely
     * repeated and are left alone. See {@link StringPool} for why the pool is a small fixed cache.
     */
    private String string() {
        int length = p.getStringLength();
        if (length > MAX_CANONICAL_LENGTH) {
            return p.getString();
        }
        return strings.canonical(p.getStringCharacters(), p.getStringOffset(), length);
    }

    /** An object; with a sink, its array field {@link #streamed} goes to the sink item by item. */
    private JsonNode object(Position pos, PositionalJsonParser.ItemSink itemSink) {
        int d = depth++;
        if (d == names.length) {
            names = Arrays.copyOf(names, d * 2);
            values = Arrays.copyOf(values, d * 2);
            keyAt = Arrays.copyOf(keyAt, d * 2);
        }
        if (names[d] == null) {
            names[d] = new String[16];
            values[d] = new JsonNode[16];
            keyAt[d] = new long[16];
        }
        int n = 0;
        Set<String> seen = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            TokenStreamLocation kl = p.currentTokenLocation();
            seen = checkUnique(names[d], n, seen, name, kl);
            p.nextToken();
            Position valuePos = pos.field(name, positions.line(), positions.column());
            JsonNode v;
            if (itemSink != null && p.currentToken() == JsonToken.START_ARRAY && name.equals(streamed)) {
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    itemSink.item(i, value(valuePos.item(i, positions.line(), positions.column())));
                    i++;
                }
                v = new JsonNode.JsonArray(valuePos, List.of());
            } else {
                v = value(valuePos);
            }
            if (n == names[d].length) {
                names[d] = Arrays.copyOf(names[d], n * 2);
                values[d] = Arrays.copyOf(values[d], n * 2);
                keyAt[d] = Arrays.copyOf(keyAt[d], n * 2);
            }
            names[d][n] = name;
            values[d][n] = v;
            keyAt[d][n] = ((long) kl.getLineNr() << 32) | (kl.getColumnNr() & 0xffffffffL);
            n++;
        }
        depth--;
        JsonNode.JsonObject o = new JsonNode.JsonObject(pos, Arrays.copyOf(names[d], n), Arrays.copyOf(values[d], n),
                Arrays.copyOf(keyAt[d], n));
        Arrays.fill(values[d], 0, n, null); // the scratch must not keep the subtree alive
        return o;
    }

    /**
     * Refuses a key the object already has: a scan of the keys so far while the object is small,
     * a set once it passes {@value #SCAN_LIMIT} keys (so a hostile object of 100,000 keys stays
     * linear).
     *
     * @return the set to use for the next key, {@code null} while scanning
     */
    private static Set<String> checkUnique(String[] keys, int n, Set<String> seen, String name, TokenStreamLocation at) {
        if (seen == null && n < SCAN_LIMIT) {
            for (int i = 0; i < n; i++) {
                if (keys[i].equals(name)) {
                    throw new DuplicateKey(name, at);
                }
            }
            return null;
        }
        if (seen == null) {
            seen = new HashSet<>(Arrays.asList(keys).subList(0, n));
        }
        if (!seen.add(name)) {
            throw new DuplicateKey(name, at);
        }
        return seen;
    }

    /** A repeated key, carried out of the recursive descent ({@link JsonSyntaxException} is checked). */
    static final class DuplicateKey extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        DuplicateKey(String name, TokenStreamLocation at) {
            super(PositionalJsonParser.duplicateKeyMessage(name), null, false, false);
            this.line = at.getLineNr();
            this.column = at.getColumnNr();
        }

        JsonSyntaxException syntaxError() {
            return new JsonSyntaxException(getMessage(), line, column);
        }
    }
}
