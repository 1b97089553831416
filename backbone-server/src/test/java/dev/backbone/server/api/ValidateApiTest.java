package dev.backbone.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.ServerTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ServerTest
class ValidateApiTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static void assertFindingShape(JsonNode f) {
        assertThat(f.propertyNames()).containsExactlyInAnyOrder("severity", "code", "message", "path", "line", "column");
        assertThat(f.get("line").isInt()).isTrue();
        assertThat(f.get("column").isInt()).isTrue();
    }

    @Test
    void aValidSchemaPassesWithItsBuildOrder() {
        HttpResponse<String> r = http.post("/api/v1/validate", Examples.request("blog_schema.json"));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = Json.parse(r.body());
        assertThat(body.propertyNames()).contains("status", "valid", "errors", "warnings", "info", "build_order");
        assertThat(body.get("status").asString()).isIn("passed", "passed_with_warnings");
        assertThat(body.get("valid").asBoolean()).isTrue();
        assertThat(body.get("errors")).isEmpty();
        List<String> order = strings(body.get("build_order"));
        assertThat(order).containsSubsequence("users", "posts", "comments");
        body.get("warnings").forEach(ValidateApiTest::assertFindingShape);
        body.get("info").forEach(ValidateApiTest::assertFindingShape);
    }

    @Test
    void theSchemaMayBeAStringHoldingTheDocument() {
        String body = "{\"schema\": " + Json.quote(Examples.read("simple_schema.json")) + "}";
        HttpResponse<String> r = http.post("/api/v1/validate", body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Json.parse(r.body()).get("valid").asBoolean()).isTrue();
    }

    @Test
    void malformedJsonIs400WithTheSyntaxErrorsLineAndColumn() {
        HttpResponse<String> r = http.post("/api/v1/validate", "{\n  \"schema\": {\"project_name\": \"x\",,}\n}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = Json.parse(r.body());
        assertThat(body.get("error").asString()).isEqualTo("Malformed JSON");
        assertThat(body.get("request_id").asString()).isEqualTo(r.headers().firstValue("X-Request-ID").orElseThrow());
        JsonNode f = body.get("errors").get(0);
        assertFindingShape(f);
        assertThat(f.get("code").asString()).isEqualTo("JSON_SYNTAX_ERROR");
        assertThat(f.get("line").asInt()).isEqualTo(2);
        assertThat(f.get("column").asInt()).isEqualTo(34); // the second comma
        assertThat(body.get("status").asString()).isEqualTo("failed");
        assertThat(body.get("valid").asBoolean()).isFalse();
    }

    /** The engine reports a key repeated inside the schema, as the CLI does, at the key's place in the body. */
    @Test
    void aDuplicateKeyInsideTheSchemaIs400AtThatKey() {
        HttpResponse<String> r = http.post("/api/v1/validate",
                "{\n  \"schema\": {\"project_name\": \"x\", \"db_type\": \"postgresql\",\n    \"project_name\": \"y\", \"schema\": []}\n}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode f = Json.parse(r.body()).get("errors").get(0);
        assertThat(f.get("code").asString()).isEqualTo("JSON_SYNTAX_ERROR");
        assertThat(f.get("message").asString()).contains("duplicate key \"project_name\"");
        assertThat(f.get("line").asInt()).isEqualTo(3);
        assertThat(f.get("column").asInt()).isEqualTo(5);
    }

    /** Two {@code schema} fields in the body: which one counts would be a guess, so neither does. */
    @Test
    void aRepeatedBodyFieldIs400() {
        HttpResponse<String> r = http.post("/api/v1/validate", "{\"schema\": {}, \"schema\": {}}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode f = Json.parse(r.body()).get("errors").get(0);
        assertThat(f.get("code").asString()).isEqualTo("JSON_SYNTAX_ERROR");
        assertThat(f.get("message").asString()).isEqualTo("invalid JSON: duplicate key \"schema\": a key may appear only once in an object");
        assertThat(f.get("column").asInt()).isEqualTo(16);
    }

    @Test
    void aStringSchemaThatIsNotJsonIs400WithPositionsInThatString() {
        HttpResponse<String> r = http.post("/api/v1/validate", "{\"schema\": \"{\\n  \\\"project_name\\\": oops\\n}\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode f = Json.parse(r.body()).get("errors").get(0);
        assertThat(f.get("code").asString()).isEqualTo("JSON_SYNTAX_ERROR");
        assertThat(f.get("line").asInt()).isEqualTo(2);
        assertThat(f.get("column").asInt()).isEqualTo(19);
    }

    @Test
    void anInvalidSchemaIs422AndFindingsPointIntoTheRequestBody() {
        // The wrong type value "Integr" sits on line 4 of the body, column 47.
        String body = """
                {"strict": 1,
                  "schema": {"project_name": "Shop", "db_type": "postgresql", "schema": [
                    {"table_name": "items", "class_name": "Item", "columns": [
                      {"name": "id", "type": "Integer", "primary_key": true}, {"name": "n", "type": "Integr"}]}]}}
                """;
        HttpResponse<String> r = http.post("/api/v1/validate", body);
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode json = Json.parse(r.body());
        assertThat(json.get("error").asString()).isEqualTo("Invalid schema");
        assertThat(json.get("status").asString()).isEqualTo("failed");
        assertThat(json.get("valid").asBoolean()).isFalse();
        JsonNode f = null;
        for (JsonNode e : json.get("errors")) {
            assertFindingShape(e);
            if (e.get("path").asString().equals("/schema/0/columns/1/type")) {
                f = e;
            }
        }
        assertThat(f).as("a finding on the mistyped column type in %s", r.body()).isNotNull();
        String line = body.lines().toList().get(f.get("line").asInt() - 1);
        assertThat(line.substring(f.get("column").asInt() - 1)).startsWith("\"Integr\"");
    }

    @Test
    void aBodyWithoutSchemaIs422NamingTheField() {
        HttpResponse<String> r = http.post("/api/v1/validate", "{\"schemas\": {}}");
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode f = Json.parse(r.body()).get("errors").get(0);
        assertThat(f.get("code").asString()).isEqualTo("SCHEMA_VALIDATION_ERROR");
        assertThat(f.get("message").asString()).contains("`schema`");
    }

    @Test
    void aSchemaOfTheWrongKindIs422() {
        HttpResponse<String> r = http.post("/api/v1/validate", "{\"schema\": 42}");
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode f = Json.parse(r.body()).get("errors").get(0);
        assertThat(f.get("path").asString()).isEqualTo("/schema");
        assertThat(f.get("line").asInt()).isEqualTo(1);
        assertThat(f.get("column").asInt()).isEqualTo(12);
    }

    @Test
    void aWrongContentTypeIs415() {
        HttpResponse<String> r = http.post("/api/v1/validate", "schema=x", "Content-Type", "text/plain");
        assertThat(r.statusCode()).isEqualTo(415);
        JsonNode body = Json.parse(r.body());
        assertThat(body.get("error").asString()).isEqualTo("Unsupported media type");
        assertThat(body.get("errors").get(0).get("code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(r.headers().firstValue("X-Request-ID")).isPresent();
    }

    @Test
    void aBodyOverMaxJsonSizeIs413NamingTheLimit() {
        String big = "{\"schema\": {\"description\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}}";
        HttpResponse<String> r = http.post("/api/v1/validate", big);
        assertThat(r.statusCode()).isEqualTo(413);
        JsonNode body = Json.parse(r.body());
        assertThat(body.get("limit").get("name").asString()).isEqualTo("MAX_JSON_SIZE");
        assertThat(body.get("limit").get("value").asLong()).isEqualTo(10L * 1024 * 1024);
        assertThat(body.get("message").asString()).contains("MAX_JSON_SIZE").contains("10 MB");
        assertThat(body.get("errors").get(0).get("code").asString()).isEqualTo("MAX_JSON_SIZE_EXCEEDED");
    }

    @Test
    void getOnAPostRouteIs405WithAllow() {
        HttpResponse<String> r = http.get("/api/v1/validate");
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");
        assertThat(Json.parse(r.body()).get("request_id").asString()).isNotBlank();
    }
}
