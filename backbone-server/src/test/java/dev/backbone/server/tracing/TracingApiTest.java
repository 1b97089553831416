package dev.backbone.server.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.OpenAiStub;
import dev.backbone.server.support.OtlpReceiver;
import dev.backbone.server.support.OtlpReceiver.Span;
import dev.backbone.server.support.ServerTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Tracing as an operator turns it on ({@code .env}: a collector through {@code OTEL_EXPORTER_OTLP_ENDPOINT}
 * and LangSmith through {@code LANGCHAIN_*}, both pointing at one loopback OTLP receiver that
 * decodes the protobuf export requests), with the LLM provider a loopback server speaking
 * OpenAI's wire format. Asserts the span trees of a validate, a generate and a design call, the
 * GenAI token counts against the stub's usage, LangSmith's path and headers, error spans, and
 * {@code traceparent} in and out.
 */
@ServerTest
@TestPropertySource(properties = "backbone.env-file=target/tracing-api-test.env")
class TracingApiTest {

    static final String LANGSMITH_KEY = "lsv2_pt_tracingtest0123456789abcdef";
    static final String OPENAI_KEY = "test-key-tracing-7f3a9c21";
    static final OtlpReceiver RECEIVER = new OtlpReceiver();
    static final OpenAiStub STUB = new OpenAiStub();
    static final String COLLECTOR = "/v1/traces";
    static final String LANGSMITH = "/otel/v1/traces";

    static {
        try {
            Path env = Path.of("target/tracing-api-test.env");
            STUB.writeDotEnv(env, OPENAI_KEY, "gpt-4");
            Files.writeString(env, String.join("\n",
                    "OTEL_EXPORTER_OTLP_ENDPOINT=" + RECEIVER.endpoint(),
                    "OTEL_SERVICE_NAME=backbone-tracing-test",
                    "OTEL_BSP_SCHEDULE_DELAY=50",
                    "LANGCHAIN_TRACING_V2=true",
                    "LANGCHAIN_API_KEY=" + LANGSMITH_KEY,
                    "LANGCHAIN_PROJECT=tracing-test",
                    "LANGCHAIN_ENDPOINT=" + RECEIVER.endpoint(),
                    ""), java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        RECEIVER.close();
        STUB.close();
    }

    /** Waits for the trace's root span on {@code path} (the root ends last), then returns the trace. */
    static List<Span> trace(String path, String traceId) {
        RECEIVER.await(all -> all.stream().anyMatch(s -> s.path().equals(path) && s.traceId().equals(traceId)
                && s.kind().equals("SPAN_KIND_SERVER")), Duration.ofSeconds(20));
        return RECEIVER.trace(path, traceId);
    }

    static Span named(List<Span> spans, String name) {
        Optional<Span> s = spans.stream().filter(x -> x.name().equals(name)).findFirst();
        assertThat(s).as("span '%s' in %s", name, spans.stream().map(Span::name).toList()).isPresent();
        return s.get();
    }

    static void childOf(Span child, Span parent) {
        assertThat(child.parentSpanId()).as("%s is a child of %s", child.name(), parent.name()).isEqualTo(parent.spanId());
    }

    static String traceIdOf(HttpResponse<?> r) {
        String tp = r.headers().firstValue("traceparent").orElseThrow();
        assertThat(tp).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-9a-f]");
        return tp.split("-")[1];
    }

    @Test
    void aValidateIsOneTraceJoiningTheCallersWithEveryStageAndAgent() {
        String callerTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        HttpResponse<String> r = new Http(port).post("/api/v1/validate", Examples.request("blog_schema.json"),
                "Content-Type", "application/json", "X-Request-ID", "trace-validate-1",
                "traceparent", "00-" + callerTrace + "-" + callerSpan + "-01");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(traceIdOf(r)).isEqualTo(callerTrace);

        List<Span> t = trace(COLLECTOR, callerTrace);
        Span root = named(t, "POST /api/v1/validate");
        assertThat(root.parentSpanId()).isEqualTo(callerSpan);
        assertThat(r.headers().firstValue("traceparent").orElseThrow()).contains(root.spanId());
        assertThat(root.serviceName()).isEqualTo("backbone-tracing-test");
        assertThat(root.kind()).isEqualTo("SPAN_KIND_SERVER");
        assertThat(root.attributes()).containsEntry("http.route", "/api/v1/validate").containsEntry("http.response.status_code", 200L)
                .containsEntry("backbone.request_id", "trace-validate-1").containsEntry("langsmith.span.kind", "chain");
        Span workflow = named(t, "workflow validation");
        childOf(workflow, root);
        assertThat(workflow.attributes()).containsEntry("backbone.project.name", "BlogBackend").containsEntry("backbone.tables", 3L)
                .containsEntry("backbone.findings.errors", 0L).containsEntry("backbone.workflow.status", "completed")
                .containsEntry("langsmith.metadata.request_id", "trace-validate-1");
        Span validate = named(t, "stage validate");
        childOf(validate, workflow);
        childOf(named(t, "schema_validator"), validate);
        Span plan = named(t, "stage plan");
        childOf(plan, workflow);
        childOf(named(t, "architect"), plan);
        assertThat(t).allSatisfy(s -> assertThat(s.statusCode()).as(s.name()).isNotEqualTo("STATUS_CODE_ERROR"));
        // the listener reads the request id once per outermost span and passes it down: every span carries it
        assertThat(t).allSatisfy(s -> assertThat(s.attributes()).as(s.name()).containsEntry("langsmith.metadata.request_id", "trace-validate-1"));
        assertThat(named(t, "schema_validator").attributes()).containsEntry("gen_ai.agent.name", "schema_validator")
                .containsEntry("backbone.agent", "schema_validator");
    }

    @Test
    void aGenerateHasTheGeneratorsToolCallsAndTheFilesItMade() {
        HttpResponse<String> r = new Http(port).post("/api/v1/generate", Examples.request("blog_schema.json"),
                "Content-Type", "application/json", "X-Request-ID", "trace-generate-1");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = Json.parse(r.body());
        List<Span> t = trace(COLLECTOR, traceIdOf(r));

        Span root = named(t, "POST /api/v1/generate");
        Span workflow = named(t, "workflow generation");
        childOf(workflow, root);
        assertThat(workflow.attributes()).containsEntry("backbone.files_generated", body.get("files_generated").asLong())
                .containsKey("backbone.lines_generated").containsEntry("backbone.tables", 3L);
        Span generate = named(t, "stage generate");
        childOf(generate, workflow);
        Span generator = named(t, "code_generator");
        childOf(generator, generate);
        for (String tool : List.of("tool render:sqlalchemy", "tool render:sql")) {
            Span s = named(t, tool);
            childOf(s, generator);
            assertThat(s.attributes()).containsEntry("langsmith.span.kind", "tool");
        }
        Span validator = named(t, "code_validator");
        childOf(validator, named(t, "stage verify"));
        childOf(named(t, "tool ddl_check"), validator);
        childOf(named(t, "tool model_structure"), validator);
    }

    @Test
    void aRejectedSchemaIsAnErrorSpanWithItsType() {
        HttpResponse<String> r = new Http(port).post("/api/v1/generate", "{\"schema\": {\"project_name\": \"x\", \"schema\": []}}",
                "Content-Type", "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        List<Span> t = trace(COLLECTOR, traceIdOf(r));
        Span root = named(t, "POST /api/v1/generate");
        assertThat(root.attributes()).containsEntry("http.response.status_code", 422L).containsEntry("error.type", "422");
        Span workflow = named(t, "workflow generation");
        assertThat(workflow.statusCode()).isEqualTo("STATUS_CODE_ERROR");
        assertThat(workflow.attributes()).containsEntry("error.type", "invalid_schema").containsEntry("backbone.workflow.status", "failed");
        assertThat(workflow.statusMessage()).isEqualTo("failed");
        Span agent = named(t, "schema_validator");
        assertThat(agent.statusCode()).isEqualTo("STATUS_CODE_ERROR");
        assertThat(agent.statusMessage()).isEqualTo("schema_validator failure");
        Span stage = named(t, "stage validate");
        assertThat(stage.statusCode()).isEqualTo("STATUS_CODE_ERROR");
        assertThat(stage.statusMessage()).isEqualTo("stage validate failed");
    }

    @Test
    void aDesignShowsTheAgentItsLlmCallWithTheProvidersUsageAndTheDraftsCheck() {
        STUB.reply(Examples.read("simple_schema.json"), 1234, 321);
        HttpResponse<String> r = new Http(port).post("/api/v1/design", "{\"description\": \"A blog: users write posts.\"}",
                "Content-Type", "application/json", "X-Request-ID", "trace-design-1");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<Span> t = trace(COLLECTOR, traceIdOf(r));

        Span root = named(t, "POST /api/v1/design");
        Span designer = named(t, "schema_designer");
        childOf(designer, root);
        Span llm = named(t, "chat gpt-4");
        childOf(llm, designer);
        assertThat(llm.kind()).isEqualTo("SPAN_KIND_CLIENT");
        assertThat(llm.attributes())
                .containsEntry("gen_ai.operation.name", "chat")
                .containsEntry("gen_ai.provider.name", "openai")
                .containsEntry("gen_ai.request.model", "gpt-4")
                .containsEntry("gen_ai.usage.input_tokens", 1234L)
                .containsEntry("gen_ai.usage.output_tokens", 321L)
                .containsEntry("langsmith.span.kind", "llm")
                .containsEntry("langsmith.metadata.request_id", "trace-design-1")
                .containsEntry("gen_ai.prompt.0.role", "system")
                .containsEntry("gen_ai.prompt.1.role", "user")
                .containsEntry("gen_ai.completion.0.role", "assistant");
        assertThat((String) llm.attr("gen_ai.prompt.1.content")).contains("A blog: users write posts.");
        assertThat((String) llm.attr("gen_ai.completion.0.content")).contains("\"project_name\"");
        childOf(named(t, "workflow validation"), designer);
        // no key of any kind in any attribute
        assertThat(RECEIVER.spans().stream().map(Span::attributes).toList().toString())
                .doesNotContain(OPENAI_KEY).doesNotContain(LANGSMITH_KEY);
    }

    @Test
    void langSmithReceivesTheSameTraceOnItsPathWithItsHeaders() {
        HttpResponse<String> r = new Http(port).post("/api/v1/validate", Examples.request("simple_schema.json"),
                "Content-Type", "application/json");
        String traceId = traceIdOf(r);
        List<Span> ls = trace(LANGSMITH, traceId);
        List<Span> collector = trace(COLLECTOR, traceId);
        assertThat(ls.stream().map(Span::spanId).sorted().toList())
                .isEqualTo(collector.stream().map(Span::spanId).sorted().toList());
        assertThat(ls).allSatisfy(s -> {
            assertThat(s.headers()).containsEntry("x-api-key", LANGSMITH_KEY).containsEntry("langsmith-project", "tracing-test");
        });
        assertThat(collector).allSatisfy(s -> assertThat(s.headers()).doesNotContainKey("x-api-key"));
    }

    @Test
    void theExportersStateIsOnTheDetailedHealth() {
        new Http(port).get("/health");
        RECEIVER.await(all -> !all.isEmpty(), Duration.ofSeconds(10));
        JsonNode h = Json.parse(new Http(port).get("/health/detailed").body());
        JsonNode tracing = h.at("/details/tracing").isMissingNode() ? h.at("/tracing") : h.at("/details/tracing");
        assertThat(tracing.isMissingNode()).as(h.toString()).isFalse();
        assertThat(tracing.get("enabled").asBoolean()).isTrue();
        assertThat(tracing.get("destinations").toString()).contains("collector").contains("langsmith").contains("127.0.0.1:");
        assertThat(tracing.get("spans_dropped").asLong()).isZero();
        RECEIVER.await(all -> false, Duration.ofMillis(300));
        JsonNode again = Json.parse(new Http(port).get("/health/detailed").body());
        JsonNode t2 = again.at("/details/tracing").isMissingNode() ? again.at("/tracing") : again.at("/details/tracing");
        assertThat(t2.get("spans_exported").asLong()).isPositive();
        assertThat(again.toString()).doesNotContain(LANGSMITH_KEY);
    }

    static Map<String, Object> attrs(Span s) {
        return s.attributes();
    }

    @Test
    void aJobIsASpanInTheSubmittersTraceWithTheWorkflowUnderIt() throws InterruptedException {
        String callerTrace = "5cf92f3577b34da6a3ce929d0e0e4737";
        Http http = new Http(port);
        HttpResponse<String> r = http.post("/api/v1/jobs", "{\"kind\": \"generate\", \"schema\": "
                        + Examples.read("blog_schema.json") + "}",
                "Content-Type", "application/json", "X-Request-ID", "trace-job-1",
                "traceparent", "00-" + callerTrace + "-00f067aa0ba902b8-01");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String location = r.headers().firstValue("Location").orElseThrow();
        String id = Json.parse(r.body()).get("id").asString();
        JsonNode job = Json.parse(http.get(location).body());
        for (int i = 0; i < 400 && !job.get("state").asString().matches("succeeded|failed"); i++) {
            Thread.sleep(50);
            job = Json.parse(http.get(location).body());
        }
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");

        List<Span> all = RECEIVER.await(spans -> spans.stream().anyMatch(s -> s.path().equals(COLLECTOR)
                && s.name().equals("job generate") && s.traceId().equals(callerTrace)), Duration.ofSeconds(20));
        List<Span> t = all.stream().filter(s -> s.path().equals(COLLECTOR) && s.traceId().equals(callerTrace)).toList();
        Span submit = named(t, "POST /api/v1/jobs");
        Span run = named(t, "job generate");
        assertThat(run.parentSpanId()).as("the job continues the submitting request's context").isEqualTo(submit.spanId());
        assertThat(run.attributes()).containsEntry("backbone.job.id", id).containsEntry("backbone.job.kind", "generate")
                .containsEntry("backbone.job.attempt", 1L).containsEntry("backbone.job.result_status", 200L)
                .containsEntry("langsmith.span.kind", "chain");
        RECEIVER.await(spans -> spans.stream().anyMatch(s -> s.traceId().equals(callerTrace) && s.name().equals("workflow generation")),
                Duration.ofSeconds(20));
        Span workflow = named(RECEIVER.trace(COLLECTOR, callerTrace), "workflow generation");
        childOf(workflow, run);
    }
}
