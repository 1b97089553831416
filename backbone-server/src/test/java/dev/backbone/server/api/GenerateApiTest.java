package dev.backbone.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.ServerTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ServerTest
class GenerateApiTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void generatesTheProjectAsJson() {
        HttpResponse<String> r = http.post("/api/v1/generate", Examples.request("blog_schema.json"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode b = Json.parse(r.body());
        assertThat(b.propertyNames()).contains("status", "project_name", "files_generated", "summary", "generated_files",
                "errors", "warnings");
        assertThat(b.get("status").asString()).isEqualTo("success");
        assertThat(b.get("project_name").asString()).isEqualTo("BlogBackend");
        assertThat(b.get("files_generated").asInt()).isEqualTo(b.get("generated_files").size()).isPositive();
        assertThat(b.get("errors")).isEmpty();
        b.get("generated_files").properties().forEach(e -> assertThat(e.getValue().asString()).isNotEmpty());
        JsonNode summary = b.get("summary");
        assertThat(summary.get("models").asInt()).isEqualTo(3);
        assertThat(summary.get("verification").get("enabled").asBoolean()).isTrue();
    }

    @Test
    void codeValidationCanBeSwitchedOff() {
        String body = "{\"enable_code_validation\": false, \"schema\": " + Examples.read("simple_schema.json") + "}";
        HttpResponse<String> r = http.post("/api/v1/generate", body);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode v = Json.parse(r.body()).get("summary").get("verification");
        assertThat(v.get("enabled").asBoolean()).isFalse();
        assertThat(v.get("mode").asString()).isEqualTo("none");
    }

    @Test
    void acceptZipReturnsTheProjectAsAZip() throws IOException {
        HttpResponse<byte[]> r = http.postBytes("/api/v1/generate", Examples.request("blog_schema.json"),
                "Content-Type", "application/json", "Accept", "application/zip");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("BlogBackend.zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                assertThat(zip.readAllBytes()).isNotEmpty();
            }
        }
        assertThat(names).isNotEmpty().allSatisfy(n -> assertThat(n).startsWith("BlogBackend/"));
        JsonNode json = Json.parse(http.post("/api/v1/generate", Examples.request("blog_schema.json")).body());
        assertThat(names).hasSize(json.get("files_generated").asInt());
    }

    @Test
    void anInvalidSchemaIs422WithFindingsInTheGenerateShape() {
        HttpResponse<String> r = http.post("/api/v1/generate",
                "{\"schema\": {\"project_name\": \"P\", \"db_type\": \"postgresql\", \"schema\": [{\"table_name\": \"t\"}]}}");
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode b = Json.parse(r.body());
        assertThat(b.get("status").asString()).isEqualTo("failed");
        assertThat(b.get("project_name").asString()).isEqualTo("P");
        assertThat(b.get("files_generated").asInt()).isZero();
        assertThat(b.get("generated_files")).isEmpty();
        assertThat(b.get("errors")).isNotEmpty();
        assertThat(b.get("request_id").asString()).isNotBlank();
        b.get("errors").forEach(f -> assertThat(f.propertyNames()).contains("code", "message", "path", "line", "column"));
    }

    @Test
    void strictValidationRefusesWarnings() {
        // A String column without length is a warning (STRING_NO_LENGTH).
        String schema = "{\"project_name\": \"P\", \"db_type\": \"postgresql\", \"schema\": [{\"table_name\": \"items\", "
                + "\"class_name\": \"Item\", \"columns\": [{\"name\": \"id\", \"type\": \"Integer\", \"primary_key\": true}, "
                + "{\"name\": \"title\", \"type\": \"String\"}]}]}";
        HttpResponse<String> r = http.post("/api/v1/generate", "{\"strict_validation\": true, \"schema\": " + schema + "}");
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode b = Json.parse(r.body());
        assertThat(b.get("message").asString()).contains("strict_validation");
        assertThat(b.get("errors")).as("the findings that refused it are errors under strict_validation").isNotEmpty();
        JsonNode f = b.get("errors").get(0);
        assertThat(f.get("code").asString()).isEqualTo("STRING_NO_LENGTH");
        assertThat(f.get("severity").asString()).isEqualTo("error");
        assertThat(f.get("line").asInt()).isPositive();
        assertThat(b.get("warnings")).isEmpty();
    }

    @Test
    void aFlagOfTheWrongTypeIs422() {
        HttpResponse<String> r = http.post("/api/v1/generate", "{\"strict_validation\": \"yes\", \"schema\": {}}");
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode f = Json.parse(r.body()).get("errors").get(0);
        assertThat(f.get("path").asString()).isEqualTo("/strict_validation");
    }

    @Test
    void malformedJsonIs400() {
        HttpResponse<String> r = http.post("/api/v1/generate", "{\"schema\": [");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.parse(r.body()).get("errors").get(0).get("code").asString()).isEqualTo("JSON_SYNTAX_ERROR");
    }
}
