package dev.backbone.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.ServerTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Each input limit, set low, refuses a document with a 4xx that names its variable. */
@ServerTest
@TestPropertySource(properties = {"MAX_JSON_SIZE=4KB", "MAX_TABLES=1", "MAX_COLUMNS_PER_TABLE=2",
    "MAX_RELATIONSHIPS_PER_TABLE=1", "MAX_STRING_LENGTH=20", "MAX_ARRAY_LENGTH=3"})
class InputLimitsTest {

    @LocalServerPort
    int port;

    private static String table(String name, String cls, int columns, String extra) {
        StringBuilder cols = new StringBuilder("{\"name\": \"id\", \"type\": \"Integer\", \"primary_key\": true}");
        for (int i = 1; i < columns; i++) {
            cols.append(", {\"name\": \"c").append(i).append("\", \"type\": \"Integer\"}");
        }
        return "{\"table_name\": \"" + name + "\", \"class_name\": \"" + cls + "\", \"columns\": [" + cols + "]" + extra + "}";
    }

    private static String doc(String tables) {
        return "{\"schema\": {\"project_name\": \"P\", \"db_type\": \"postgresql\", \"schema\": [" + tables + "]}}";
    }

    private JsonNode refused(String body, int status, String variable) {
        HttpResponse<String> r = new Http(port).post("/api/v1/validate", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode b = Json.parse(r.body());
        assertThat(b.get("limit").get("name").asString()).isEqualTo(variable);
        assertThat(b.get("message").asString()).contains(variable);
        assertThat(b.get("valid").asBoolean()).isFalse();
        return b;
    }

    @Test
    void withinTheLimitsIsFine() {
        assertThat(new Http(port).post("/api/v1/validate", doc(table("a", "A", 2, ""))).statusCode()).isEqualTo(200);
    }

    @Test
    void maxJsonSize() {
        JsonNode b = refused(doc(table("a", "A", 2, ", \"description\": \"" + "x".repeat(5000) + "\"")), 413, "MAX_JSON_SIZE");
        assertThat(b.get("limit").get("value").asLong()).isEqualTo(4096);
    }

    @Test
    void maxTables() {
        JsonNode b = refused(doc(table("a", "A", 1, "") + ", " + table("b", "B", 1, "")), 422, "MAX_TABLES");
        assertThat(b.get("errors")).anySatisfy(f -> assertThat(f.get("code").asString()).isEqualTo("TOO_MANY_TABLES"));
    }

    @Test
    void maxColumnsPerTable() {
        JsonNode b = refused(doc(table("a", "A", 3, "")), 422, "MAX_COLUMNS_PER_TABLE");
        assertThat(b.get("errors")).anySatisfy(f -> {
            assertThat(f.get("code").asString()).isEqualTo("TOO_MANY_COLUMNS");
            assertThat(f.get("severity").asString()).isEqualTo("error");
        });
    }

    @Test
    void maxRelationshipsPerTable() {
        String rels = ", \"relationships\": [{\"target_table\": \"a\", \"target_class\": \"A\", \"type\": \"one_to_many\"},"
                + " {\"target_table\": \"a\", \"target_class\": \"A\", \"type\": \"one_to_many\"}]";
        refused(doc(table("a", "A", 1, rels)), 422, "MAX_RELATIONSHIPS_PER_TABLE");
    }

    @Test
    void maxStringLength() {
        refused(doc(table("a", "A", 1, ", \"description\": \"" + "y".repeat(21) + "\"")), 422, "MAX_STRING_LENGTH");
    }

    @Test
    void maxArrayLength() {
        String col = ", {\"name\": \"e\", \"type\": \"Enum\", \"values\": [\"a\", \"b\", \"c\", \"d\"]}";
        String t = "{\"table_name\": \"a\", \"class_name\": \"A\", \"columns\": [{\"name\": \"id\", \"type\": \"Integer\", "
                + "\"primary_key\": true}" + col + "]}";
        refused(doc(t), 422, "MAX_ARRAY_LENGTH");
    }
}
