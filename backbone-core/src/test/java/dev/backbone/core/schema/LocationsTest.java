package dev.backbone.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.json.ArrayMap;
import dev.backbone.core.json.JsonNode.JsonArray;
import dev.backbone.core.json.JsonNode.JsonObject;
import dev.backbone.core.json.JsonSyntaxException;
import dev.backbone.core.json.Position;
import dev.backbone.core.json.PositionalJsonParser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Locations} packs each field's place into a {@code long} and makes its {@link Position} on
 * request; every finding about a schema element gets its pointer, line and column here, so the
 * positions made must equal the parsed values' own, and extra entries must come back as given.
 */
class LocationsTest {

    private static final String DOC = """
            {"schema": [
              {"table_name": "t", "columns": [
                {"name": "id", "a/b": 1,
                 "type": 5, "nullable": null}
              ]}
            ]}""";

    /** The column object at {@code /schema/0/columns/0}. */
    private static JsonObject column() throws JsonSyntaxException {
        JsonObject root = (JsonObject) PositionalJsonParser.parse(DOC);
        JsonObject table = (JsonObject) ((JsonArray) root.get("schema")).items().get(0);
        return (JsonObject) ((JsonArray) table.get("columns")).items().get(0);
    }

    @Test
    void eachFieldIsWhereItsValueIs() throws JsonSyntaxException {
        JsonObject c = column();
        Locations at = Locations.of(c);
        assertThat(at.self()).isEqualTo(new Position("/schema/0/columns/0", 3, 5));
        for (int i = 0; i < c.size(); i++) {
            assertThat(at.find(c.name(i))).isEqualTo(c.value(i).position());
        }
        assertThat(at.find("type")).isEqualTo(new Position("/schema/0/columns/0/type", 4, 14));
        assertThat(at.find("a/b").pointer()).isEqualTo("/schema/0/columns/0/a~1b");
    }

    @Test
    void aPresentFieldCountsWhateverItsValue() throws JsonSyntaxException {
        Locations at = Locations.of(column());
        assertThat(at.has("nullable")).isTrue();
        assertThat(at.has("type")).isTrue();
        assertThat(at.has(new String("name"))).isTrue();
        assertThat(at.has("length")).isFalse();
    }

    @Test
    void anAbsentFieldFallsBackToTheElement() throws JsonSyntaxException {
        Locations at = Locations.of(column());
        assertThat(at.find("length")).isNull();
        assertThat(at.of("length")).isEqualTo(at.self());
        assertThat(at.of("name")).isEqualTo(new Position("/schema/0/columns/0/name", 3, 14));
        assertThat(at.pointerOf("length")).isEqualTo("/schema/0/columns/0/length");
        assertThat(at.pointerOf("x/y~")).isEqualTo("/schema/0/columns/0/x~1y~0");
        assertThat(at.pointerOf("type")).isEqualTo("/schema/0/columns/0/type");
    }

    @Test
    void extraEntriesKeepThePositionsGiven() throws JsonSyntaxException {
        Position label = new Position("/schema/0/columns/0/values/3", 9, 20);
        Position option = new Position("/schema/0/options/use_timestamps", 2, 40);
        Locations at = Locations.of(column(), new ArrayMap.Builder<Position>(2)
                .put("values/2", label).put("options.use_timestamps", option).build());
        assertThat(at.has("values/2")).isTrue();
        assertThat(at.find("values/2")).isSameAs(label);
        assertThat(at.pointerOf("values/2")).isEqualTo("/schema/0/columns/0/values/3");
        assertThat(at.of("options.use_timestamps")).isSameAs(option);
        assertThat(at.has("values/0")).isFalse();
        assertThat(at.fields().keySet())
                .containsExactly("name", "a/b", "type", "nullable", "values/2", "options.use_timestamps");
    }

    @Test
    void fieldsListsEveryEntryWithItsPosition() throws JsonSyntaxException {
        JsonObject c = column();
        Map<String, Position> fields = Locations.of(c).fields();
        assertThat(fields.keySet()).containsExactly("name", "a/b", "type", "nullable");
        assertThat(fields.get("nullable")).isEqualTo(new Position("/schema/0/columns/0/nullable", 4, 29));
    }

    @Test
    void packedAndGivenLocationsOfTheSamePlacesAreEqual() throws JsonSyntaxException {
        JsonObject c = column();
        Map<String, Position> given = new LinkedHashMap<>();
        for (int i = 0; i < c.size(); i++) {
            given.put(c.name(i), c.value(i).position());
        }
        Locations packed = Locations.of(c);
        Locations made = new Locations(c.position(), given);
        assertThat(packed).isEqualTo(made).hasSameHashCodeAs(made);
        assertThat(made).isEqualTo(packed);
        assertThat(packed.toString()).isEqualTo(made.toString());
        assertThat(packed).isNotEqualTo(new Locations(new Position("/schema/0/columns/0", 3, 6), given));
        given.remove("type");
        assertThat(packed).isNotEqualTo(new Locations(c.position(), given));
    }

    @Test
    void givenLocationsAnswerLikePackedOnes() {
        Position self = new Position("/schema/1", 4, 3);
        Position name = new Position("/schema/1/table_name", 4, 18);
        Locations at = new Locations(self, Map.of("table_name", name));
        assertThat(at.has("table_name")).isTrue();
        assertThat(at.find("table_name")).isSameAs(name);
        assertThat(at.of("columns")).isSameAs(self);
        assertThat(at.pointerOf("columns")).isEqualTo("/schema/1/columns");
    }

    @Test
    void noneHasNothingAndPointsAtTheDocument() {
        assertThat(Locations.NONE.has("x")).isFalse();
        assertThat(Locations.NONE.find("x")).isNull();
        assertThat(Locations.NONE.of("x")).isEqualTo(Position.ROOT);
        assertThat(Locations.NONE.pointerOf("project_name")).isEqualTo("/project_name");
        assertThat(Locations.NONE.fields()).isEmpty();
        assertThat(Locations.NONE).isEqualTo(new Locations(Position.ROOT, Map.of()));
    }
}
