package dev.backbone.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.backbone.core.json.JsonNode.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reader refuses duplicate keys itself (Jackson's own check built a hash set per object):
 * by a scan in small objects, by a set past 16 keys. Both must find every repeat, point at the
 * repeated key, and never confuse one object's keys with another's.
 */
class DuplicateKeyTest {

    private static JsonSyntaxException refused(String text) {
        JsonSyntaxException e = catchThrowableOfType(JsonSyntaxException.class, () -> PositionalJsonParser.parse(text));
        assertThat(e).as("a syntax error for %s", text.length() > 80 ? text.substring(0, 80) + "..." : text).isNotNull();
        return e;
    }

    private static String message(String key) {
        return "duplicate key \"" + key + "\": a key may appear only once in an object";
    }

    @Test
    void aRepeatInASmallObjectIsRefusedAtTheRepeatedKey() {
        JsonSyntaxException e = refused("{\"a\": 1,\n  \"b\": 2, \"a\": 3}");
        assertThat(e).hasMessage(message("a"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(11);
    }

    @Test
    void aRepeatDeepInsideIsFoundToo() {
        JsonSyntaxException e = refused("""
                {"schema": [
                  {"table_name": "t", "columns": [
                    {"name": "id", "type": "Integer", "name": "x"}
                  ]}
                ]}""");
        assertThat(e).hasMessage(message("name"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(39);
    }

    @Test
    void theSameKeyInDifferentObjectsIsFine() throws JsonSyntaxException {
        JsonObject root = (JsonObject) PositionalJsonParser.parse(
                "{\"a\": {\"a\": {\"a\": 1}}, \"b\": [{\"a\": 1, \"b\": 2}, {\"a\": 2, \"b\": 3}], \"c\": {\"b\": 0}}");
        assertThat(root.size()).isEqualTo(3);
    }

    /** An object of {@code size} keys {@code k0..}, then key {@code k<repeat>} again. */
    private static String objectWithRepeat(int size, int repeat) {
        StringBuilder b = new StringBuilder("{\n");
        for (int i = 0; i < size; i++) {
            b.append("\"k").append(i).append("\": ").append(i).append(",\n");
        }
        return b.append("  \"k").append(repeat).append("\": true}").toString();
    }

    @ParameterizedTest(name = "{0} keys, k{1} repeated")
    @CsvSource({"1, 0", "2, 1", "15, 0", "15, 14", "16, 0", "16, 15", "17, 0", "17, 16", "40, 5", "40, 39", "40, 20"})
    void aRepeatIsFoundWhicheverCheckIsInUse(int size, int repeat) {
        JsonSyntaxException e = refused(objectWithRepeat(size, repeat));
        assertThat(e).hasMessage(message("k" + repeat));
        assertThat(e.line()).isEqualTo(size + 2);
        assertThat(e.column()).isEqualTo(3);
    }

    @Test
    void aHundredThousandKeysAreReadAndARepeatAmongThemIsFound() throws JsonSyntaxException {
        int n = 100_000;
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("\"key_").append(i).append("\":").append(i);
        }
        String distinct = b + "}";
        JsonObject o = (JsonObject) PositionalJsonParser.parse(distinct);
        assertThat(o.size()).isEqualTo(n);
        assertThat(o.name(n - 1)).isEqualTo("key_" + (n - 1));
        assertThat(((JsonNode.JsonNumber) o.get("key_54321")).value()).isEqualByComparingTo("54321");

        JsonSyntaxException e = refused(b + ",\n\"key_77777\":0}");
        assertThat(e).hasMessage(message("key_77777"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(1);
    }

    @Test
    void keysOfAFinishedLargerSiblingAreForgotten() throws JsonSyntaxException {
        // the first object fills the scratch of its depth with k0..k19; the next one reuses it
        StringBuilder big = new StringBuilder("{");
        for (int i = 0; i < 20; i++) {
            big.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        String text = "[" + big + "}, {\"k3\": 1, \"k4\": 2}, {\"k3\": {\"k3\": 3}}]";
        JsonNode.JsonArray a = (JsonNode.JsonArray) PositionalJsonParser.parse(text);
        JsonObject second = (JsonObject) a.items().get(1);
        assertThat(second.fields().keySet()).containsExactly("k3", "k4");
        assertThat(((JsonObject) a.items().get(2)).fields().keySet()).containsExactly("k3");
    }

    @Test
    void theKeysOfAnOuterObjectSurviveANestedOne() {
        // the outer object's keys so far must not be overwritten by the nested object's
        JsonSyntaxException e = refused("{\"a\": 1, \"b\": {\"x\": 1, \"y\": 2, \"z\": 3}, \"a\": 2}");
        assertThat(e).hasMessage(message("a"));
        assertThat(e.column()).isEqualTo(41);
    }

    @Test
    void aRepeatedStreamedFieldIsRefused() {
        JsonSyntaxException e = catchThrowableOfType(JsonSyntaxException.class, () -> PositionalJsonParser.parse(
                "{\"schema\": [{}, {}],\n \"schema\": []}", "schema", (i, item) -> { }));
        assertThat(e).hasMessage(message("schema"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(2);
    }

    @Test
    void aRepeatInsideAStreamedItemIsRefused() {
        JsonSyntaxException e = catchThrowableOfType(JsonSyntaxException.class, () -> PositionalJsonParser.parse(
                "{\"schema\": [{\"t\": 1}, {\"t\": 1, \"t\": 2}]}", "schema", (i, item) -> { }));
        assertThat(e).hasMessage(message("t"));
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(32);
    }
}
