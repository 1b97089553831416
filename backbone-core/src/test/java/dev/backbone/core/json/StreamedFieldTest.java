package dev.backbone.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.backbone.core.json.JsonNode.JsonArray;
import dev.backbone.core.json.JsonNode.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PositionalJsonParser#parse(String, String, PositionalJsonParser.ItemSink)} hands the root
 * object's array field to a sink item by item, so a schema of 10,000 tables is never a whole
 * tree. The items must be exactly what the tree would have held, and only that one field of the
 * root may be streamed.
 */
class StreamedFieldTest {

    private static final String DOC = """
            {"project_name": "p",
             "schema": [
               {"table_name": "users"},
               [1, 2],
               "x"
             ],
             "after": {"schema": [9]}}""";

    private record Item(int index, JsonNode node) {}

    private static List<Item> streamed(String text, List<JsonNode> root) throws JsonSyntaxException {
        List<Item> items = new ArrayList<>();
        root.add(PositionalJsonParser.parse(text, "schema", (i, node) -> items.add(new Item(i, node))));
        return items;
    }

    @Test
    void itemsReachTheSinkInOrderAsTheTreeWouldHoldThem() throws JsonSyntaxException {
        List<JsonNode> root = new ArrayList<>();
        List<Item> items = streamed(DOC, root);
        JsonArray whole = (JsonArray) ((JsonObject) PositionalJsonParser.parse(DOC)).get("schema");

        assertThat(items).extracting(Item::index).containsExactly(0, 1, 2);
        assertThat(items).extracting(Item::node).containsExactlyElementsOf(whole.items());
        assertThat(items.get(0).node().position()).isEqualTo(new Position("/schema/0", 3, 4));
        assertThat(((JsonArray) items.get(1).node()).items().get(1).position()).isEqualTo(new Position("/schema/1/1", 4, 8));
        assertThat(items.get(2).node().position()).isEqualTo(new Position("/schema/2", 5, 4));
    }

    @Test
    void theTreeKeepsAnEmptyArrayWhereTheFieldWas() throws JsonSyntaxException {
        List<JsonNode> root = new ArrayList<>();
        streamed(DOC, root);
        JsonObject o = (JsonObject) root.get(0);
        assertThat(o.fields().keySet()).containsExactly("project_name", "schema", "after");
        JsonArray schema = (JsonArray) o.get("schema");
        assertThat(schema.items()).isEmpty();
        assertThat(schema.position()).isEqualTo(new Position("/schema", 2, 12));
        assertThat(o.keyPosition(1)).isEqualTo(new Position("/schema", 2, 2));
    }

    @Test
    void onlyTheRootObjectsFieldIsStreamed() throws JsonSyntaxException {
        List<JsonNode> root = new ArrayList<>();
        streamed(DOC, root);
        JsonObject after = (JsonObject) ((JsonObject) root.get(0)).get("after");
        assertThat(((JsonArray) after.get("schema")).items()).hasSize(1);

        List<Item> items = streamed("[{\"schema\": [1]}]", root);
        assertThat(items).isEmpty();
        assertThat(((JsonArray) ((JsonObject) ((JsonArray) root.get(1)).items().get(0)).get("schema")).items()).hasSize(1);
    }

    @Test
    void aFieldThatIsNotAnArrayIsKeptAsIs() throws JsonSyntaxException {
        List<JsonNode> root = new ArrayList<>();
        assertThat(streamed("{\"schema\": {\"a\": [1]}}", root)).isEmpty();
        assertThat(streamed("{\"schema\": \"tables\"}", root)).isEmpty();
        assertThat(streamed("{\"other\": [1, 2]}", root)).isEmpty();
        assertThat(((JsonObject) root.get(0)).get("schema")).isInstanceOf(JsonObject.class);
        assertThat(((JsonObject) root.get(1)).get("schema")).isEqualTo(
                new JsonNode.JsonString(new Position("/schema", 1, 12), "tables"));
        assertThat(((JsonArray) ((JsonObject) root.get(2)).get("other")).items()).hasSize(2);
    }

    @Test
    void anEmptyStreamedArrayCallsNothing() throws JsonSyntaxException {
        List<JsonNode> root = new ArrayList<>();
        assertThat(streamed("{\"schema\": []}", root)).isEmpty();
        assertThat(((JsonArray) ((JsonObject) root.get(0)).get("schema")).items()).isEmpty();
    }

    @Test
    void withoutASinkTheFieldStaysInTheTree() throws JsonSyntaxException {
        JsonObject o = (JsonObject) PositionalJsonParser.parse(DOC, "schema", null);
        assertThat(((JsonArray) o.get("schema")).items()).hasSize(3);
        assertThat(o).isEqualTo(PositionalJsonParser.parse(DOC));
    }

    @Test
    void aLaterSyntaxErrorFailsTheWholeParseAfterTheEarlierItems() {
        List<Integer> seen = new ArrayList<>();
        JsonSyntaxException e = catchThrowableOfType(JsonSyntaxException.class, () -> PositionalJsonParser.parse(
                "{\"schema\": [{\"a\": 1}, {\"a\": 2},\n {\"a\": }]}", "schema", (i, item) -> seen.add(i)));
        assertThat(e).isNotNull();
        assertThat(e.line()).isEqualTo(2);
        assertThat(seen).containsExactly(0, 1);
    }

    @Test
    void trailingContentAfterAStreamedDocumentIsAnError() {
        JsonSyntaxException e = catchThrowableOfType(JsonSyntaxException.class, () -> PositionalJsonParser.parse(
                "{\"schema\": [1]}\n {}", "schema", (i, item) -> { }));
        assertThat(e).hasMessage("unexpected content after the end of the document");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(2);
    }
}
