package dev.backbone.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.ServerTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The security guide's input limits at their default values (50 tables, 100 columns and 50
 * relationships per table, strings of 1,000 characters, arrays of 100 items), one past each,
 * on both routes: 422 naming the limit, including the two the engine reports as warnings.
 */
@ServerTest
class DefaultInputLimitsTest {

    @LocalServerPort
    int port;

    private static String table(String name, int columns, String extra) {
        List<String> cols = new ArrayList<>();
        cols.add("{\"name\": \"id\", \"type\": \"Integer\", \"primary_key\": true}");
        for (int i = 1; i < columns; i++) {
            cols.add("{\"name\": \"c" + i + "\", \"type\": \"Integer\"}");
        }
        return "{\"table_name\": \"" + name + "\", \"class_name\": \"C" + name + "\", \"columns\": [" + String.join(", ", cols)
                + "]" + extra + "}";
    }

    private static String doc(List<String> tables) {
        return "{\"schema\": {\"project_name\": \"P\", \"db_type\": \"postgresql\", \"schema\": [" + String.join(", ", tables)
                + "]}}";
    }

    private void refusedOnBothRoutes(String body, String variable, long value, String code) {
        for (String path : List.of("/api/v1/validate", "/api/v1/generate")) {
            HttpResponse<String> r = new Http(port).post(path, body);
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(422);
            JsonNode b = Json.parse(r.body());
            assertThat(b.get("error").asString()).isEqualTo("Input limit exceeded");
            assertThat(b.get("limit").get("name").asString()).isEqualTo(variable);
            assertThat(b.get("limit").get("value").asLong()).isEqualTo(value);
            assertThat(b.get("message").asString()).contains(variable + " (" + value + ")");
            assertThat(b.get("errors")).anySatisfy(f -> {
                assertThat(f.get("code").asString()).isEqualTo(code);
                assertThat(f.get("severity").asString()).isEqualTo("error");
            });
            assertThat(b.get("warnings")).noneSatisfy(f -> assertThat(f.get("code").asString()).isEqualTo(code));
        }
    }

    @Test
    void justWithinEveryLimitIsAccepted() {
        List<String> tables = new ArrayList<>();
        tables.add(table("t0", 100, ", \"description\": \"" + "d".repeat(1000) + "\""));
        for (int i = 1; i < 50; i++) {
            tables.add(table("t" + i, 1, ""));
        }
        HttpResponse<String> r = new Http(port).post("/api/v1/validate", doc(tables));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void fiftyOneTables() {
        List<String> tables = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tables.add(table("t" + i, 1, ""));
        }
        refusedOnBothRoutes(doc(tables), "MAX_TABLES", 50, "TOO_MANY_TABLES");
    }

    @Test
    void aHundredAndOneColumns() {
        refusedOnBothRoutes(doc(List.of(table("wide", 101, ""))), "MAX_COLUMNS_PER_TABLE", 100, "TOO_MANY_COLUMNS");
    }

    @Test
    void fiftyOneRelationships() {
        List<String> rels = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            rels.add("{\"target_table\": \"a\", \"target_class\": \"Ca\", \"type\": \"one_to_many\"}");
        }
        refusedOnBothRoutes(doc(List.of(table("a", 1, ", \"relationships\": [" + String.join(", ", rels) + "]"))),
                "MAX_RELATIONSHIPS_PER_TABLE", 50, "TOO_MANY_RELATIONSHIPS");
    }

    @Test
    void aStringOfAThousandAndOneCharacters() {
        refusedOnBothRoutes(doc(List.of(table("a", 1, ", \"description\": \"" + "x".repeat(1001) + "\""))),
                "MAX_STRING_LENGTH", 1000, "STRING_TOO_LONG");
    }

    @Test
    void anArrayOfAHundredAndOneItems() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            values.add("\"v" + i + "\"");
        }
        String t = "{\"table_name\": \"a\", \"class_name\": \"A\", \"columns\": [{\"name\": \"id\", \"type\": \"Integer\", "
                + "\"primary_key\": true}, {\"name\": \"e\", \"type\": \"Enum\", \"values\": [" + String.join(", ", values) + "]}]}";
        refusedOnBothRoutes(doc(List.of(t)), "MAX_ARRAY_LENGTH", 100, "ARRAY_TOO_LONG");
    }
}
