package dev.backbone.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backbone.core.json.JsonNode.JsonNumber;
import dev.backbone.core.json.JsonNode.JsonObject;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonObject} keeps three exact arrays and makes key positions on request; its accessors,
 * its read-only map views and its equality must still say what the old record said.
 */
class JsonObjectTest {

    private static final String TEXT = "{\"name\": \"id\",\n  \"type\" : \"Integer\", \"a/b\": null}";

    private static JsonObject parsed() throws JsonSyntaxException {
        return (JsonObject) ((JsonObject) PositionalJsonParser.parse("{\"col\": " + TEXT + "}")).get("col");
    }

    @Test
    void indexedAccessorsFollowDocumentOrder() throws JsonSyntaxException {
        JsonObject o = parsed();
        assertThat(o.size()).isEqualTo(3);
        assertThat(o.name(0)).isEqualTo("name");
        assertThat(o.name(1)).isEqualTo("type");
        assertThat(o.name(2)).isEqualTo("a/b");
        assertThat(o.value(1)).isEqualTo(new JsonNode.JsonString(new Position("/col/type", 2, 12), "Integer"));
        assertThat(o.value(2)).isEqualTo(new JsonNode.JsonNull(new Position("/col/a~1b", 2, 30)));
        assertThat(o.typeName()).isEqualTo("object");
    }

    @Test
    void keyPositionsPointAtTheKeyWithTheValuesPointer() throws JsonSyntaxException {
        JsonObject o = parsed();
        assertThat(o.keyPosition(0)).isEqualTo(new Position("/col/name", 1, 10));
        assertThat(o.keyPosition(1)).isEqualTo(new Position("/col/type", 2, 3));
        assertThat(o.keyPosition(2)).isEqualTo(new Position("/col/a~1b", 2, 23));
        assertThat(o.keyPositions()).containsExactly(Map.entry("name", o.keyPosition(0)),
                Map.entry("type", o.keyPosition(1)), Map.entry("a/b", o.keyPosition(2)));
    }

    @Test
    void getFindsByNameOrGivesNull() throws JsonSyntaxException {
        JsonObject o = parsed();
        assertThat(o.get("type")).isSameAs(o.value(1));
        assertThat(o.get(new String("name"))).isSameAs(o.value(0));
        assertThat(o.get("missing")).isNull();
        assertThat(o.get("a/b")).isInstanceOf(JsonNode.JsonNull.class);
    }

    @Test
    void fieldsIsAReadOnlyViewInOrder() throws JsonSyntaxException {
        JsonObject o = parsed();
        assertThat(o.fields().keySet()).containsExactly("name", "type", "a/b");
        assertThat(o.fields().get("type")).isSameAs(o.value(1));
        assertThatThrownBy(() -> o.fields().put("x", o.value(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> o.keyPositions().remove("name")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(o.size()).isEqualTo(3);
    }

    @Test
    void anEmptyObjectHasNothing() throws JsonSyntaxException {
        JsonObject o = (JsonObject) PositionalJsonParser.parse(" { } ");
        assertThat(o.size()).isZero();
        assertThat(o.fields()).isEmpty();
        assertThat(o.keyPositions()).isEmpty();
        assertThat(o.get("a")).isNull();
        assertThat(o.position()).isEqualTo(new Position("", 1, 2));
    }

    @Test
    void equalTextGivesEqualObjects() throws JsonSyntaxException {
        assertThat(parsed()).isEqualTo(parsed()).hasSameHashCodeAs(parsed());
        assertThat(parsed()).isNotEqualTo(PositionalJsonParser.parse("{\"col\": " + TEXT.replace("id", "pk") + "}"));
        assertThat(parsed().toString()).startsWith("JsonObject[position=Position[pointer=/col, line=1, column=9], fields={name=");
    }

    @Test
    void equalityAlsoWeighsPositionAndKeyPlaces() {
        Position at = new Position("/o", 1, 1);
        JsonNode one = new JsonNumber(at.field("a", 1, 7), BigDecimal.ONE, true);
        JsonObject o = new JsonObject(at, new String[] {"a"}, new JsonNode[] {one}, new long[] {(1L << 32) | 2});
        JsonObject sameButKey = new JsonObject(at, new String[] {"a"}, new JsonNode[] {one}, new long[] {(1L << 32) | 3});
        JsonObject sameButSelf = new JsonObject(new Position("/o", 1, 2), new String[] {"a"}, new JsonNode[] {one},
                new long[] {(1L << 32) | 2});
        assertThat(o).isEqualTo(new JsonObject(at, new String[] {"a"}, new JsonNode[] {one}, new long[] {(1L << 32) | 2}));
        assertThat(o).isNotEqualTo(sameButKey).isNotEqualTo(sameButSelf);
        assertThat(o.keyPosition(0)).isEqualTo(new Position("/o/a", 1, 2));
    }
}
