package dev.backbone.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.ServerTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The reader's edges as the service answers them: parser limits in the engine's words at their
 * place in the body, and the engine's byte-order-mark rule (a leading BOM is not part of the
 * body, nor of a schema sent as a string).
 */
@ServerTest
class ReaderEdgesApiTest {

    @LocalServerPort
    int port;

    private JsonNode refused(String body, int status) {
        HttpResponse<String> r = new Http(port).post("/api/v1/validate", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("StreamReadConstraints").doesNotContain("getMax");
        return Json.parse(r.body()).get("errors").get(0);
    }

    @Test
    void hundredNestedArraysAreAFindingAtTheirBracket() {
        // "{\"schema\": {\"x\": " is 17 characters; the schema object is level 1, so its 64th bracket is level 65
        JsonNode f = refused("{\"schema\": {\"x\": " + "[".repeat(100) + "]".repeat(100) + "}}", 400);
        assertThat(f.get("code").asString()).isEqualTo("JSON_SYNTAX_ERROR");
        assertThat(f.get("message").asString()).isEqualTo("invalid JSON: arrays and objects nest more than 64 levels deep here; "
                + "a schema needs 5 at most");
        assertThat(f.get("line").asInt()).isEqualTo(1);
        assertThat(f.get("column").asInt()).isEqualTo(17 + 64);
    }

    @Test
    void aTwentyThousandDigitNumberIsAFindingWhereItStarts() {
        JsonNode f = refused("{\"schema\": {\n  \"project_name\": " + "9".repeat(20_000) + "}}", 400);
        assertThat(f.get("message").asString()).isEqualTo("invalid JSON: a number of 20000 characters; at most 1000 are accepted");
        assertThat(f.get("line").asInt()).isEqualTo(2);
        assertThat(f.get("column").asInt()).isEqualTo(19);
    }

    @Test
    void aLeadingByteOrderMarkIsIgnoredInTheBodyAndInASchemaString() {
        String blog = Examples.read("blog_schema.json");
        HttpResponse<String> body = new Http(port).post("/api/v1/validate", "\uFEFF{\"schema\": " + blog + "}");
        assertThat(body.statusCode()).as(body.body()).isEqualTo(200);
        HttpResponse<String> string = new Http(port).post("/api/v1/validate", "{\"schema\": " + Json.quote("\uFEFF" + blog) + "}");
        assertThat(string.statusCode()).as(string.body()).isEqualTo(200);
        JsonNode late = refused("{\"schema\": \uFEFF{}}", 400);
        assertThat(late.get("column").asInt()).isEqualTo(12);
    }
}
