package dev.backbone.server.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.PromText;
import dev.backbone.server.support.ServerTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Without a key: the LLM routes answer 503 naming the variable; the request body is still checked first. */
@ServerTest
class LlmNotConfiguredTest {

    @LocalServerPort
    int port;

    @Test
    void designAndReviewAre503NamingTheMissingVariable() {
        Http http = new Http(port);
        PromText before = PromText.parse(http.get("/metrics").body());

        HttpResponse<String> design = http.post("/api/v1/design", "{\"description\": \"A blog\"}");
        HttpResponse<String> review = http.post("/api/v1/review", Examples.request("blog_schema.json"));

        for (HttpResponse<String> r : java.util.List.of(design, review)) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
            JsonNode b = Json.parse(r.body());
            assertThat(b.get("error").asString()).isEqualTo("LLM not configured");
            assertThat(b.get("message").asString()).contains("OPENAI_API_KEY").contains("openai");
            assertThat(b.get("error_type").asString()).isEqualTo("not_configured");
            assertThat(b.get("status").asString()).isEqualTo("failed");
            assertThat(b.get("request_id").asString()).isNotBlank();
        }
        PromText after = PromText.parse(http.get("/metrics").body());
        for (String agent : java.util.List.of("schema_designer", "schema_reviewer")) {
            Map<String, String> labels = Map.of("agent_name", agent, "error_type", "not_configured");
            assertThat(after.sum("backbone_agent_errors_total", labels) - before.sum("backbone_agent_errors_total", labels))
                    .isEqualTo(1);
        }
        assertThat(after.sum("backbone_llm_requests_total", Map.of()) - before.sum("backbone_llm_requests_total", Map.of()))
                .as("no LLM request without a key").isZero();
    }

    @Test
    void generationWithAReviewStillGeneratesAndSaysTheReviewWasSkipped() {
        HttpResponse<String> r = new Http(port).post("/api/v1/generate",
                "{\"schema\": " + Examples.read("simple_schema.json") + ", \"enable_llm_review\": true}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode review = Json.parse(r.body()).get("review");
        assertThat(review.get("status").asString()).isEqualTo("skipped");
        assertThat(review.get("error_type").asString()).isEqualTo("not_configured");
        assertThat(review.get("message").asString()).contains("OPENAI_API_KEY");
    }

    @Test
    void aBadDesignBodyIsRefusedBeforeTheProviderMatters() {
        Http http = new Http(port);
        assertRefused(http.post("/api/v1/design", "{}"), 422, "no `description`");
        assertRefused(http.post("/api/v1/design", "{\"description\": 5}"), 422, "must be a string");
        assertRefused(http.post("/api/v1/design", "{\"description\": \"   \"}"), 422, "is empty");
        assertRefused(http.post("/api/v1/design", "{\"description\": \"" + "x".repeat(10_001) + "\"}"), 422, "at most 10000");
        assertRefused(http.post("/api/v1/design", "[\"a blog\"]"), 422, "must be a JSON object");
        HttpResponse<String> syntax = http.post("/api/v1/design", "{\"description\": ");
        assertRefused(syntax, 400, "not valid JSON");
        assertThat(Json.parse(syntax.body()).get("errors").get(0).get("code").asString()).isEqualTo("JSON_SYNTAX_ERROR");
        assertThat(http.post("/api/v1/design", "a blog", "Content-Type", "text/plain").statusCode()).isEqualTo(415);
    }

    @Test
    void theLlmHealthComponentIsDegradedAndNamesTheVariable() {
        JsonNode llm = Json.parse(new Http(port).get("/health/readiness").body()).get("components").get("llm");
        assertThat(llm.get("status").asString()).isEqualTo("degraded");
        assertThat(llm.get("message").asString()).contains("OPENAI_API_KEY");
        assertThat(llm.get("metadata").get("configured").asBoolean()).isFalse();
        assertThat(llm.get("metadata").get("model").asString()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void theOpenApiDocumentDescribesBothRoutes() {
        JsonNode paths = Json.parse(new Http(port).get("/openapi.json").body()).get("paths");
        for (String route : java.util.List.of("/api/v1/design", "/api/v1/review")) {
            JsonNode post = paths.get(route).get("post");
            assertThat(post.get("responses").propertyNames()).as(route).contains("200", "422", "502", "503");
            assertThat(post.get("requestBody").get("required").asBoolean()).isTrue();
        }
        JsonNode generateBody = Json.parse(new Http(port).get("/openapi.json").body()).get("components").get("schemas")
                .get("GenerateRequestBody").get("properties");
        assertThat(generateBody.propertyNames()).contains("enable_llm_review");
    }

    private static void assertRefused(HttpResponse<String> r, int status, String message) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode b = Json.parse(r.body());
        assertThat(b.get("message").asString()).contains(message);
        assertThat(b.get("status").asString()).isEqualTo("failed");
        assertThat(b.get("valid").asBoolean()).isFalse();
    }
}
