package dev.backbone.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.ServerTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /schema/v1.json} and the OpenAPI document's typing of the {@code schema} payload. */
@ServerTest
class InputFormatApiTest {

    @LocalServerPort
    int port;

    @Test
    void servesThePublishedSchemaByteForByteAsTheDocsCopy() throws IOException {
        HttpResponse<String> r = new Http(port).get("/schema/v1.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/schema+json");
        assertThat(r.body()).isEqualTo(Files.readString(Examples.root().resolve("docs/schema/v1.json")));
        assertThat(Json.parse(r.body()).get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void everyRequestBodyTypesItsSchemaFieldWithTheInputFormat() {
        JsonNode schemas = Json.parse(new Http(port).get("/openapi.json").body()).get("components").get("schemas");
        for (String body : InputFormatOpenApi.BODIES) {
            JsonNode field = schemas.get(body).get("properties").get("schema");
            assertThat(field.get("oneOf").get(0).get("$ref").asString()).as(body)
                    .isEqualTo("#/components/schemas/ProjectSchema");
            assertThat(field.get("oneOf").get(1).get("type").asString()).as(body).isEqualTo("string");
        }
    }

    /** Put back together from the components, the OpenAPI document holds the published JSON Schema, keyword for keyword. */
    @Test
    void theComponentsAreThePublishedSchemaWithNothingLost() {
        JsonNode components = Json.parse(new Http(port).get("/openapi.json").body()).get("components").get("schemas");
        ObjectNode published = (ObjectNode) Json.parse(new Http(port).get("/schema/v1.json").body());
        published.remove("$schema");
        ObjectNode rebuilt = (ObjectNode) Json.parse(rewrite(components.get("ProjectSchema").toString()));
        ObjectNode defs = rebuilt.putObject("$defs");
        for (Map.Entry<String, JsonNode> c : components.properties()) {
            if (c.getKey().startsWith("ProjectSchema.")) {
                defs.set(c.getKey().substring("ProjectSchema.".length()), Json.parse(rewrite(c.getValue().toString())));
            }
        }
        sortRequired(rebuilt);
        sortRequired(published);
        assertThat(rebuilt).isEqualTo(published);
    }

    /** The order of {@code required} means nothing, and the OpenAPI model sorts it. */
    private static void sortRequired(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.get("required") instanceof tools.jackson.databind.node.ArrayNode a) {
                java.util.List<String> names = new java.util.ArrayList<>();
                a.forEach(v -> names.add(v.asString()));
                java.util.Collections.sort(names);
                a.removeAll();
                names.forEach(a::add);
            }
            o.values().forEach(InputFormatApiTest::sortRequired);
        } else if (node != null && node.isArray()) {
            node.values().forEach(InputFormatApiTest::sortRequired);
        }
    }

    private static String rewrite(String json) {
        return json.replace("#/components/schemas/ProjectSchema.", "#/$defs/");
    }
}
