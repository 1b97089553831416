package dev.backbone.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.json.JsonNode.JsonArray;
import dev.backbone.core.json.JsonNode.JsonNumber;
import dev.backbone.core.json.JsonNode.JsonObject;
import dev.backbone.core.json.JsonNode.JsonString;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The tree the reader builds: short strings shared per document (names then compare on identity
 * and the model is smaller), numbers kept exact, and the per-depth scratch arrays never leaking
 * one object's fields into another.
 */
class TreeBuilderTest {

    private static JsonObject parse(String text) throws JsonSyntaxException {
        return (JsonObject) PositionalJsonParser.parse(text);
    }

    private static String string(JsonNode n) {
        return ((JsonString) n).value();
    }

    @Test
    void equalShortStringsAreOneInstance() throws JsonSyntaxException {
        JsonObject o = parse("{\"a\": \"users\", \"b\": [\"users\", \"posts\"], \"c\": {\"d\": \"users\"}}");
        String a = string(o.get("a"));
        String b = string(((JsonArray) o.get("b")).items().get(0));
        String d = string(((JsonObject) o.get("c")).get("d"));
        assertThat(a).isEqualTo("users").isSameAs(b).isSameAs(d);
        assertThat(string(((JsonArray) o.get("b")).items().get(1))).isEqualTo("posts");
    }

    @Test
    void stringsUpToSixtyFourCharactersAreShared() throws JsonSyntaxException {
        String s64 = "x".repeat(64);
        JsonObject o = parse("{\"a\": \"" + s64 + "\", \"b\": \"" + s64 + "\", \"c\": \"\", \"d\": \"\"}");
        assertThat(string(o.get("a"))).isEqualTo(s64).isSameAs(string(o.get("b")));
        assertThat(string(o.get("c"))).isSameAs(string(o.get("d")));
    }

    @Test
    void longStringsKeepTheirValue() throws JsonSyntaxException {
        String s65 = "y".repeat(65);
        JsonObject o = parse("{\"a\": \"" + s65 + "\", \"b\": \"" + s65 + "\"}");
        assertThat(string(o.get("a"))).isEqualTo(s65).isEqualTo(string(o.get("b")));
    }

    @Test
    void numbersStayExact() throws JsonSyntaxException {
        JsonObject o = parse("{\"i\": 42, \"neg\": -7, \"big\": 123456789012345678901234567890,"
                + " \"f\": 2.50, \"e\": 1e3, \"long\": 9223372036854775807}");
        assertThat((JsonNumber) o.get("i")).isEqualTo(new JsonNumber(o.get("i").position(), BigDecimal.valueOf(42), true));
        assertThat(((JsonNumber) o.get("neg")).value()).isEqualTo(BigDecimal.valueOf(-7));
        assertThat(((JsonNumber) o.get("big")).value()).isEqualTo(new BigDecimal("123456789012345678901234567890"));
        assertThat(((JsonNumber) o.get("big")).integral()).isTrue();
        assertThat(((JsonNumber) o.get("long")).value()).isEqualTo(BigDecimal.valueOf(Long.MAX_VALUE));
        assertThat(((JsonNumber) o.get("f")).value()).isEqualTo(new BigDecimal("2.50"));
        assertThat(o.get("f").typeName()).isEqualTo("number");
        assertThat(((JsonNumber) o.get("e")).integral()).isFalse();
        assertThat(((JsonNumber) o.get("e")).value()).isEqualByComparingTo("1000");
    }

    @Test
    void everyDepthKeepsItsOwnFields() throws JsonSyntaxException {
        // deeper than the initial 8 levels of scratch, with fields before and after each nested object
        int depth = 40;
        StringBuilder b = new StringBuilder();
        for (int d = 0; d < depth; d++) {
            b.append("{\"before").append(d).append("\": ").append(d).append(", \"next\": ");
        }
        b.append("null");
        for (int d = depth - 1; d >= 0; d--) {
            b.append(", \"after").append(d).append("\": \"s").append(d).append("\"}");
        }
        JsonNode n = PositionalJsonParser.parse(b.toString());
        StringBuilder pointer = new StringBuilder();
        for (int d = 0; d < depth; d++) {
            JsonObject o = (JsonObject) n;
            assertThat(o.fields().keySet()).containsExactly("before" + d, "next", "after" + d);
            assertThat(((JsonNumber) o.get("before" + d)).value()).isEqualTo(BigDecimal.valueOf(d));
            assertThat(string(o.get("after" + d))).isEqualTo("s" + d);
            assertThat(o.position().pointer()).isEqualTo(pointer.toString());
            pointer.append("/next");
            n = o.get("next");
        }
        assertThat(n).isInstanceOf(JsonNode.JsonNull.class);
    }

    @Test
    void anObjectOfManyFieldsKeepsThemAllInOrder() throws JsonSyntaxException {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < 100; i++) {
            b.append(i == 0 ? "" : ", ").append("\"f").append(i).append("\": {\"v\": ").append(i).append('}');
        }
        JsonObject o = parse(b + "}");
        assertThat(o.size()).isEqualTo(100);
        for (int i = 0; i < 100; i++) {
            assertThat(o.name(i)).isEqualTo("f" + i);
            assertThat(((JsonNumber) ((JsonObject) o.value(i)).get("v")).value()).isEqualTo(BigDecimal.valueOf(i));
        }
    }

    @Test
    void scalarsAndArraysAtTheRoot() throws JsonSyntaxException {
        assertThat(PositionalJsonParser.parse("  \"x\"")).isEqualTo(new JsonString(new Position("", 1, 3), "x"));
        assertThat(PositionalJsonParser.parse("[]")).isEqualTo(new JsonArray(Position.ROOT, java.util.List.of()));
        assertThat(PositionalJsonParser.parse("\n\ntrue")).isEqualTo(new JsonNode.JsonBoolean(new Position("", 3, 1), true));
    }
}
