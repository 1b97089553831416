package dev.backbone.server.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.OpenAiStub;
import dev.backbone.server.support.PromText;
import dev.backbone.server.support.ServerTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The design and review routes against a loopback server speaking OpenAI's chat completions
 * format, selected the way an operator would ({@code .env}: key, {@code OPENAI_BASE_URL},
 * {@code OPENAI_MODEL=gpt-4}). The real LangChain4j client runs inside the real server; the
 * metrics are read from {@code /metrics} as Prometheus would, as differences around each request.
 */
@ServerTest
@TestPropertySource(properties = "backbone.env-file=target/llm-api-test.env")
class LlmApiTest {

    /** Distinctive, so that any appearance in a body or a log line is this key. */
    static final String KEY = "test-key-llmapi-5c1d9e07";
    static final OpenAiStub STUB = new OpenAiStub();
    static final Path APP_LOG = Path.of("target/test-logs/app.log");

    static {
        STUB.writeDotEnv(Path.of("target/llm-api-test.env"), KEY, "gpt-4");
    }

    static final Map<String, String> OPENAI_GPT4 = Map.of("provider", "openai", "model", "gpt-4");

    static final String SUGGESTIONS = """
            ```json
            {"suggestions": [
              {"path": "/schema/1/columns/2", "severity": "suggestion", "message": "Index posts.title: posts are searched by title."},
              {"path": "/schema/0", "severity": "warning", "message": "users.email should be unique."}
            ]}
            ```""";

    @LocalServerPort
    int port;

    @AfterAll
    static void stopTheStub() {
        STUB.close();
    }

    @Test
    void designReturnsTheValidDocumentAndRecordsTheCallWithTheProvidersUsage() throws IOException {
        Http http = new Http(port);
        PromText before = metrics(http);
        STUB.reply(Examples.read("simple_schema.json"), 1234, 321);
        int requestsBefore = STUB.requests().size();

        HttpResponse<String> r = http.post("/api/v1/design", "{\"description\": \"A blog: users write posts.\"}",
                "Content-Type", "application/json", "X-Request-ID", "llm-design-ok-1");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode b = Json.parse(r.body());
        assertThat(b.get("status").asString()).isEqualTo("valid");
        assertThat(b.get("valid").asBoolean()).isTrue();
        assertThat(b.get("attempts").asInt()).isEqualTo(1);
        assertThat(b.get("errors")).isEmpty();
        assertThat(b.get("error_type").isNull()).isTrue();
        assertThat(b.get("schema").isObject()).isTrue();
        assertThat(b.get("schema")).isEqualTo(Json.parse(Examples.read("simple_schema.json")));
        assertThat(r.body()).doesNotContain(KEY);

        OpenAiStub.Request sent = STUB.requests().get(requestsBefore);
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.authorization()).isEqualTo("Bearer " + KEY);
        assertThat(Json.parse(sent.body()).get("model").asString()).isEqualTo("gpt-4");
        assertThat(sent.body()).contains("A blog: users write posts.");

        PromText after = metrics(http);
        assertThat(delta(before, after, "backbone_llm_requests_total", OPENAI_GPT4)).isEqualTo(1);
        assertThat(delta(before, after, "backbone_llm_tokens_used_total", with(OPENAI_GPT4, "type", "prompt"))).isEqualTo(1234);
        assertThat(delta(before, after, "backbone_llm_tokens_used_total", with(OPENAI_GPT4, "type", "completion"))).isEqualTo(321);
        assertThat(delta(before, after, "backbone_llm_request_duration_seconds_bucket", with(OPENAI_GPT4, "le", "+Inf")))
                .isEqualTo(1);
        assertThat(delta(before, after, "backbone_llm_request_duration_seconds_count", OPENAI_GPT4)).isEqualTo(1);
        assertThat(delta(before, after, "backbone_agent_executions_total",
                Map.of("agent_name", "schema_designer", "status", "success"))).isEqualTo(1);
        assertThat(after.named("backbone_agent_execution_duration_seconds_count")).anySatisfy(s ->
                assertThat(s.labels()).containsEntry("agent_name", "schema_designer"));
        // the draft was validated by the pipeline itself
        assertThat(delta(before, after, "backbone_agent_executions_total",
                Map.of("agent_name", "schema_validator", "status", "success"))).isEqualTo(1);

        assertThat(logLines("req=llm-design-ok-1")).anyMatch(l -> l.contains("Schema design valid after 1 attempt(s) with openai (gpt-4)"));
    }

    @Test
    void reviewReturnsTheSuggestions() throws IOException {
        Http http = new Http(port);
        PromText before = metrics(http);
        STUB.reply(SUGGESTIONS, 700, 80);

        HttpResponse<String> r = http.post("/api/v1/review", Examples.request("blog_schema.json"),
                "Content-Type", "application/json", "X-Request-ID", "llm-review-ok-1");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode b = Json.parse(r.body());
        assertThat(b.get("status").asString()).isEqualTo("completed");
        assertThat(b.get("error_type").isNull()).isTrue();
        assertThat(b.get("suggestions")).hasSize(2);
        JsonNode first = b.get("suggestions").get(0);
        assertThat(first.get("path").asString()).isEqualTo("/schema/1/columns/2");
        assertThat(first.get("severity").asString()).isEqualTo("suggestion");
        assertThat(first.get("message").asString()).startsWith("Index posts.title");
        assertThat(b.get("suggestions").get(1).get("severity").asString()).isEqualTo("warning");

        PromText after = metrics(http);
        assertThat(delta(before, after, "backbone_llm_requests_total", OPENAI_GPT4)).isEqualTo(1);
        assertThat(delta(before, after, "backbone_llm_tokens_used_total", with(OPENAI_GPT4, "type", "prompt"))).isEqualTo(700);
        assertThat(delta(before, after, "backbone_llm_tokens_used_total", with(OPENAI_GPT4, "type", "completion"))).isEqualTo(80);
        assertThat(delta(before, after, "backbone_agent_executions_total",
                Map.of("agent_name", "schema_reviewer", "status", "success"))).isEqualTo(1);
        assertThat(logLines("req=llm-review-ok-1")).anyMatch(l -> l.contains("Schema review: 2 suggestion(s) from openai (gpt-4)"));
    }

    @Test
    void anInvalidSchemaIsRefusedLikeValidateDoesWithoutAskingTheLlm() {
        Http http = new Http(port);
        int requestsBefore = STUB.requests().size();

        HttpResponse<String> r = http.post("/api/v1/review",
                "{\"schema\": {\"project_name\": \"Broken\", \"db_type\": \"postgresql\", \"schema\": "
                        + "[{\"table_name\": \"users\", \"class_name\": \"User\", \"columns\": []}]}}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        JsonNode b = Json.parse(r.body());
        assertThat(b.get("error").asString()).isEqualTo("Invalid schema");
        assertThat(b.get("status").asString()).isEqualTo("failed");
        assertThat(b.get("suggestions")).isEmpty();
        assertThat(b.get("errors")).isNotEmpty();
        assertThat(b.get("errors").get(0).get("line").asInt()).isPositive();
        assertThat(STUB.requests()).hasSize(requestsBefore);
    }

    @Test
    void aProviderFailureIs502WithItsErrorTypeCountedAndTheKeyNowhere() throws IOException {
        Http http = new Http(port);
        PromText before = metrics(http);
        // providers echo keys in error bodies; the agents must redact it before it reaches a response or a log
        STUB.fail(500, "The server had an error while processing your request (key " + KEY + ")");

        HttpResponse<String> r = http.post("/api/v1/design", "{\"description\": \"A library: books and authors.\"}",
                "Content-Type", "application/json", "X-Request-ID", "llm-design-500-1");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(502);
        JsonNode b = Json.parse(r.body());
        assertThat(b.get("error").asString()).isEqualTo("LLM provider error");
        assertThat(b.get("error_type").asString()).isEqualTo("server_error");
        assertThat(b.get("status").asString()).isEqualTo("failed");
        assertThat(b.get("valid").asBoolean()).isFalse();
        assertThat(b.get("request_id").asString()).isEqualTo("llm-design-500-1");
        assertThat(b.get("message").asString()).contains("HTTP 500");
        assertThat(r.body()).doesNotContain(KEY);

        STUB.fail(429, "Rate limit reached for gpt-4");
        HttpResponse<String> review = http.post("/api/v1/review", Examples.request("simple_schema.json"));
        assertThat(review.statusCode()).as(review.body()).isEqualTo(502);
        assertThat(Json.parse(review.body()).get("error_type").asString()).isEqualTo("rate_limited");

        PromText after = metrics(http);
        assertThat(delta(before, after, "backbone_llm_errors_total", Map.of("provider", "openai", "error_type", "server_error")))
                .isEqualTo(1);
        assertThat(delta(before, after, "backbone_llm_errors_total", Map.of("provider", "openai", "error_type", "rate_limited")))
                .isEqualTo(1);
        assertThat(delta(before, after, "backbone_llm_requests_total", OPENAI_GPT4)).isEqualTo(2);
        assertThat(delta(before, after, "backbone_agent_errors_total",
                Map.of("agent_name", "schema_designer", "error_type", "server_error"))).isEqualTo(1);
        assertThat(delta(before, after, "backbone_agent_executions_total",
                Map.of("agent_name", "schema_reviewer", "status", "failure"))).isEqualTo(1);

        assertThat(logLines("req=llm-design-500-1")).anyMatch(l -> l.contains("server_error"));
        assertThat(Files.readString(APP_LOG)).doesNotContain(KEY);
    }

    @Test
    void generationCarriesAReviewOnlyWhenAskedFor() {
        Http http = new Http(port);
        int requestsBefore = STUB.requests().size();
        HttpResponse<String> plain = http.post("/api/v1/generate", Examples.request("simple_schema.json"));
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
        assertThat(Json.parse(plain.body()).has("review")).isFalse();
        assertThat(STUB.requests()).hasSize(requestsBefore);

        STUB.reply(SUGGESTIONS, 10, 5);
        HttpResponse<String> r = http.post("/api/v1/generate",
                "{\"schema\": " + Examples.read("simple_schema.json") + ", \"enable_llm_review\": true}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode b = Json.parse(r.body());
        assertThat(b.get("status").asString()).isEqualTo("success");
        assertThat(b.get("files_generated").asInt()).isPositive();
        assertThat(b.get("review").get("status").asString()).isEqualTo("completed");
        assertThat(b.get("review").get("suggestions")).hasSize(2);
        assertThat(STUB.requests()).hasSize(requestsBefore + 1);
    }

    @Test
    void theLlmHealthComponentIsHealthyAndShowsNoKey() {
        HttpResponse<String> r = new Http(port).get("/health/readiness");
        JsonNode llm = Json.parse(r.body()).get("components").get("llm");
        assertThat(llm.get("status").asString()).isEqualTo("healthy");
        assertThat(llm.get("metadata").get("provider").asString()).isEqualTo("openai");
        assertThat(llm.get("metadata").get("model").asString()).isEqualTo("gpt-4");
        assertThat(llm.get("metadata").get("configured").asBoolean()).isTrue();
        assertThat(r.body()).doesNotContain(KEY);
        assertThat(new Http(port).get("/health/detailed").body()).doesNotContain(KEY);
    }

    static PromText metrics(Http http) {
        return PromText.parse(http.get("/metrics").body());
    }

    static double delta(PromText before, PromText after, String name, Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> m = new java.util.HashMap<>(labels);
        m.put(name, value);
        return m;
    }

    static List<String> logLines(String containing) throws IOException {
        return Files.readAllLines(APP_LOG).stream().filter(l -> l.contains(containing)).toList();
    }
}
