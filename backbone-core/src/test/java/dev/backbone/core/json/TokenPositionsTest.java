package dev.backbone.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.json.JsonNode.JsonArray;
import dev.backbone.core.json.JsonNode.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonParserDelegate;

/**
 * Value positions are read from Jackson's plain-int token line and column, shifted by an offset
 * measured once. Every line and column a finding shows comes from here, so each value and key of
 * a varied document must sit exactly where Jackson's own {@code currentTokenLocation()} puts it.
 */
class TokenPositionsTest {

    private static final String DOC = String.join("\n",
            "{\"project_name\": \"p\", \"n\": 12, \"f\": -3.5e2, \"t\": true, \"no\": false, \"nil\": null,",
            "  \"schema\" : [",
            "    {\"table_name\": \"caf\u00e9 \u00fcber \u20ac\", \"emoji\": \"\ud83d\ude00\", \"after\": 7,",
            "     \"columns\":[{\"a\":[[],{}]},[1,[2,[3]]],\"\\u00e9\\n\\\"\"], \"empty\": {}},",
            "\t[ true ,false,null , 0 ]",
            "  ],",
            "  \"tail\":{\"deep\":{\"deeper\":[{\"x\":\"y\"}]}}",
            "}");

    /** A place as Jackson reports it: line and column. */
    private record At(int line, int column) {}

    /** Jackson's location of every token but the closing ones, in document order. */
    private static List<At> jackson(String text) {
        List<At> out = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
                    TokenStreamLocation l = p.currentTokenLocation();
                    out.add(new At(l.getLineNr(), l.getColumnNr()));
                }
            }
        }
        return out;
    }

    /** The same walk over our tree: each value, and before each field's value its key. */
    private static void walk(JsonNode n, List<At> out) {
        out.add(new At(n.position().line(), n.position().column()));
        if (n instanceof JsonObject o) {
            for (int i = 0; i < o.size(); i++) {
                out.add(new At(o.keyPosition(i).line(), o.keyPosition(i).column()));
                walk(o.value(i), out);
            }
        } else if (n instanceof JsonArray a) {
            a.items().forEach(item -> walk(item, out));
        }
    }

    private static List<At> ours(String text) throws JsonSyntaxException {
        List<At> out = new ArrayList<>();
        walk(PositionalJsonParser.parse(text), out);
        return out;
    }

    @Test
    void theFastPathIsInUse() {
        assertThat(TokenPositions.fastPath()).isTrue();
    }

    @ParameterizedTest(name = "line ending {0}")
    @ValueSource(strings = {"LF", "CRLF", "CR"})
    void everyValueAndKeySitsWhereJacksonSaysIt(String ending) throws JsonSyntaxException {
        String text = DOC.replace("\n", ending.equals("LF") ? "\n" : ending.equals("CRLF") ? "\r\n" : "\r");
        List<At> expected = jackson(text);
        assertThat(expected).hasSizeGreaterThan(45);
        assertThat(ours(text)).containsExactlyElementsOf(expected);
    }

    /**
     * Longer texts are read through a buffer that Jackson refills, so the column origin moves;
     * values on either side of each refill must still be placed right, on long lines and short.
     */
    @ParameterizedTest(name = "{0} items, line break every {1}")
    @CsvSource({"20000, 0", "20000, 7", "3000, 1"})
    void largeDocumentsSpanningManyBuffersAgreeToo(int items, int every) throws JsonSyntaxException {
        StringBuilder b = new StringBuilder("{\"schema\": [");
        for (int i = 0; i < items; i++) {
            b.append(i == 0 ? "" : ",").append(every > 0 && i % every == 0 ? "\r\n  " : " ")
                    .append("{\"n\": ").append(i).append(", \"s\": \"v").append(i % 97)
                    .append("\", \"a\": [true, null, 1.5]}");
        }
        String text = b.append("]}").toString();
        assertThat(text.length()).isGreaterThan(100_000);
        List<At> expected = jackson(text);
        List<At> actual = ours(text);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            if (!actual.get(i).equals(expected.get(i))) {
                assertThat(actual.get(i)).as("token %d", i).isEqualTo(expected.get(i));
            }
        }
    }

    @Test
    void handCountedPlacesAgree() throws JsonSyntaxException {
        JsonObject root = (JsonObject) PositionalJsonParser.parse(DOC.replace("\n", "\r\n"));
        assertThat(root.position()).isEqualTo(new Position("", 1, 1));
        assertThat(root.get("f").position()).isEqualTo(new Position("/f", 1, 37));
        assertThat(root.get("nil").position()).isEqualTo(new Position("/nil", 1, 76));
        JsonArray schema = (JsonArray) root.get("schema");
        assertThat(schema.position()).isEqualTo(new Position("/schema", 2, 14));
        JsonObject table = (JsonObject) schema.items().get(0);
        assertThat(table.position()).isEqualTo(new Position("/schema/0", 3, 5));
        // one character per BMP letter, two for the emoji's surrogate pair
        assertThat(table.get("after").position()).isEqualTo(new Position("/schema/0/after", 3, 59));
        JsonArray columns = (JsonArray) table.get("columns");
        assertThat(columns.items().get(2).position()).isEqualTo(new Position("/schema/0/columns/2", 4, 43));
        JsonArray last = (JsonArray) schema.items().get(1);
        assertThat(last.position()).isEqualTo(new Position("/schema/1", 5, 2));
        assertThat(last.items().get(3).position()).isEqualTo(new Position("/schema/1/3", 5, 23));
        assertThat(root.keyPosition(root.size() - 1)).isEqualTo(new Position("/tail", 7, 3));
    }

    @Test
    void aParserThatIsNotAParserBaseFallsBackToTheSameNumbers() {
        String text = DOC.replace("\n", "\r\n");
        try (JsonParser p = new JsonParserDelegate(new JsonFactory().createParser(ObjectReadContext.empty(), text))) {
            TokenPositions viaDelegate = TokenPositions.of(p);
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.PROPERTY_NAME && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
                    TokenStreamLocation l = p.currentTokenLocation();
                    assertThat(new At(viaDelegate.line(), viaDelegate.column()))
                            .isEqualTo(new At(l.getLineNr(), l.getColumnNr()));
                }
            }
        }
    }

    @Test
    void theFastPathReadsTheParserItWasGiven() {
        try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), DOC)) {
            TokenPositions fast = TokenPositions.of(p);
            int compared = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.PROPERTY_NAME && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
                    TokenStreamLocation l = p.currentTokenLocation();
                    assertThat(new At(fast.line(), fast.column())).isEqualTo(new At(l.getLineNr(), l.getColumnNr()));
                    compared++;
                }
            }
            assertThat(compared).isGreaterThan(30);
        }
    }
}
