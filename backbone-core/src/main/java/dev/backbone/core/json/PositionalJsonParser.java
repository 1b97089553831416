package dev.backbone.core.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Parses JSON text into a {@link JsonNode} tree that keeps the position of every value.
 *
 * <p>Built on Jackson's streaming parser, which already tracks token locations; we only keep
 * them. Nesting depth is bounded (a hostile document of 100,000 brackets must give a finding,
 * not a {@link StackOverflowError}); duplicate keys are refused, since a second {@code "type"}
 * silently winning is a classic source of confusion.
 */
public final class PositionalJsonParser {

    /** Deeper documents are refused; real schemas nest five levels. */
    public static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private PositionalJsonParser() {}

    /** What a repeated key is told, here and by the service's reader of request bodies. */
    public static String duplicateKeyMessage(String name) {
        return "duplicate key \"" + name + "\": a key may appear only once in an object";
    }

    /** Parses one JSON document; trailing content after it is a syntax error. */
    public static JsonNode parse(String text) throws JsonSyntaxException {
        return parse(text, null, null);
    }

    /**
     * Receives the items of a streamed array one at a time, as soon as each is parsed. A later
     * syntax error still fails the whole parse: a receiver must treat what it got as provisional.
     */
    @FunctionalInterface
    public interface ItemSink {
        void item(int index, JsonNode item);
    }

    /**
     * Parses one JSON document, handing the items of the root object's array field
     * {@code streamedField} to {@code sink} instead of keeping them: that field appears in the
     * tree as an empty array at its position. A schema of 10,000 tables is then never in memory
     * as a tree all at once; each table's subtree dies as soon as it is bound, which keeps the
     * collector's work proportional to the document.
     */
    public static JsonNode parse(String text, String streamedField, ItemSink sink) throws JsonSyntaxException {
        String doc = withoutByteOrderMark(text);
        try (JsonParser p = FACTORY.createParser(tools.jackson.core.ObjectReadContext.empty(), doc)) {
            try {
                return parse(p, streamedField, sink);
            } catch (StreamConstraintsException e) {
                throw ReadLimits.describe(e, p, doc);
            } catch (TreeBuilder.DuplicateKey e) {
                throw e.syntaxError();
            }
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            throw new JsonSyntaxException(message(e.getOriginalMessage(), "invalid JSON"), line, column);
        }
    }

    /**
     * The one byte-order-mark rule, for the CLI, the service and library callers: a single
     * leading U+FEFF (what some Windows editors write) is not part of the document, and
     * positions count from the character after it; anywhere else it is not JSON (RFC 8259 lets
     * a parser ignore a leading one, and allows nothing more).
     */
    public static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static JsonNode parse(JsonParser p, String streamedField, ItemSink sink) throws JsonSyntaxException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new JsonSyntaxException("empty document: expected a JSON object", 1, 1);
        }
        TreeBuilder builder = new TreeBuilder(p, sink == null ? null : streamedField, sink);
        JsonNode root = builder.root();
        JsonToken trailing = p.nextToken();
        if (trailing != null) {
            TokenStreamLocation at = p.currentTokenLocation();
            throw new JsonSyntaxException("unexpected content after the end of the document", at.getLineNr(), at.getColumnNr());
        }
        return root;
    }

    /**
     * Jackson's message without the source excerpt and the hints meant for Java developers: its
     * first sentence, in our casing ({@code fallback} when there is none). The service's reader
     * of request bodies words its syntax errors the same way.
     */
    public static String message(String message, String fallback) {
        if (message == null) {
            return fallback;
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
