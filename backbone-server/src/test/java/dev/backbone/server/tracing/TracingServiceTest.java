package dev.backbone.server.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backbone.agents.llm.LlmProvider;
import dev.backbone.agents.llm.ProviderConfig;
import dev.backbone.server.config.ConfigurationException;
import dev.backbone.server.config.Secret;
import dev.backbone.server.config.Settings;
import dev.backbone.server.config.SettingsLoader;
import dev.backbone.server.support.OtlpReceiver;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tracing's configuration and its destinations, without a server: LangSmith alone, off, hidden inputs and outputs. */
class TracingServiceTest {

    static Settings.Tracing config(boolean langSmith, String endpoint, boolean hide, Map<String, String> otel) {
        return new Settings.Tracing(langSmith, new Secret(langSmith ? "lsv2_pt_unit0123456789abcdef" : ""), "unit-project",
                endpoint, hide, hide, otel);
    }

    @Test
    void offBuildsNothing() {
        TracingService t = TracingService.start(config(false, "https://api.smith.langchain.com", false, Map.of()), "s", "1", "test");
        assertThat(t.enabled()).isFalse();
        assertThat(t.status()).containsEntry("enabled", false).containsEntry("destinations", List.of());
        // LANGCHAIN_TRACING_V2=true without a key is still off
        Settings.Tracing noKey = new Settings.Tracing(true, Secret.NONE, "p", "https://api.smith.langchain.com", false, false, Map.of());
        assertThat(TracingService.start(noKey, "s", "1", "test").enabled()).isFalse();
    }

    @Test
    void langSmithAloneGetsEverySpanAndNoCollectorIsUsed() {
        try (OtlpReceiver r = new OtlpReceiver()) {
            TracingService t = TracingService.start(config(true, r.endpoint() + "/", false, Map.of("OTEL_BSP_SCHEDULE_DELAY", "20")),
                    "unit", "1", "test");
            assertThat(t.enabled()).isTrue();
            Span s = t.tracer().spanBuilder("unit-span").startSpan();
            s.end();
            t.flush(Duration.ofSeconds(5));
            List<OtlpReceiver.Span> got = r.await(all -> !all.isEmpty(), Duration.ofSeconds(5));
            assertThat(got).extracting(OtlpReceiver.Span::path).containsOnly("/otel/v1/traces");
            assertThat(got.get(0).headers()).containsEntry("langsmith-project", "unit-project");
            assertThat(got.get(0).serviceName()).isEqualTo("unit");
            assertThat(t.status().get("destinations").toString()).contains("langsmith").doesNotContain("collector");
            assertThat(t.stats().exported()).isEqualTo(1);
            t.close();
        }
    }

    @Test
    void hiddenInputsAndOutputsLeaveTheTextOutButKeepTheUsage() {
        try (OtlpReceiver r = new OtlpReceiver()) {
            TracingService t = TracingService.start(config(false, "https://x.invalid", true,
                    Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", r.endpoint(), "OTEL_BSP_SCHEDULE_DELAY", "20")), "unit", "1", "test");
            LlmSpanListener l = new LlmSpanListener(t, new ProviderConfig(LlmProvider.OPENAI, "gpt-4o-mini", "k", "http://127.0.0.1:1/v1",
                    Duration.ofSeconds(5), 0));
            Map<Object, Object> attrs = new HashMap<>();
            ChatRequest req = ChatRequest.builder().messages(UserMessage.from("secret design text")).build();
            Span parent = t.tracer().spanBuilder("agent").startSpan();
            try (Scope ignored = parent.makeCurrent()) {
                l.onRequest(new ChatModelRequestContext(req, ModelProvider.OPEN_AI, attrs));
                l.onResponse(new ChatModelResponseContext(ChatResponse.builder().aiMessage(AiMessage.from("the answer"))
                        .tokenUsage(new TokenUsage(7, 3)).build(), req, ModelProvider.OPEN_AI, attrs));
            }
            parent.end();
            t.flush(Duration.ofSeconds(5));
            OtlpReceiver.Span llm = r.await(all -> all.stream().anyMatch(s -> s.name().startsWith("chat ")), Duration.ofSeconds(5))
                    .stream().filter(s -> s.name().startsWith("chat ")).findFirst().orElseThrow();
            assertThat(llm.parentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
            assertThat(llm.attributes()).containsEntry("gen_ai.usage.input_tokens", 7L).containsEntry("gen_ai.usage.output_tokens", 3L)
                    .doesNotContainKeys("gen_ai.prompt.0.content", "gen_ai.completion.0.content");
            assertThat(llm.attributes().toString()).doesNotContain("secret design text").doesNotContain("the answer");
            t.close();
        }
    }

    @Test
    void anUnreachableCollectorPausesItsDestinationAndSpansEndedMeanwhileAreDroppedBeforeTheQueue() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        TracingService t = TracingService.start(config(false, "https://x.invalid", false, Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + closed, "OTEL_BSP_SCHEDULE_DELAY", "20")), "unit", "1", "test");
        t.tracer().spanBuilder("first").startSpan().end();
        for (int i = 0; i < 100 && t.stats().dropped() == 0; i++) {
            Thread.sleep(50);
        }
        assertThat(t.stats().dropped()).as("the first batch failed").isEqualTo(1);
        // paused now (1 s): each span is counted as dropped when it ends, never queued, encoded or sent
        for (int i = 0; i < 50; i++) {
            t.tracer().spanBuilder("meanwhile").startSpan().end();
        }
        assertThat(t.stats().dropped()).isEqualTo(51);
        assertThat(t.stats().exported()).isZero();
        t.close();
    }

    @Test
    void theSdkKnobsAreDefaultsTheVariablesOverride() {
        assertThat(TracingService.EXPORT_DEFAULTS).containsEntry("otel.java.exporter.memory_mode", "reusable_data")
                .containsEntry("otel.bsp.max.export.batch.size", "2048").containsEntry("otel.bsp.max.queue.size", "8192")
                .containsEntry("otel.java.exporter.otlp.retry.disabled", "true");
        assertThat(TracingService.propertyName("OTEL_BSP_MAX_EXPORT_BATCH_SIZE")).isEqualTo("otel.bsp.max.export.batch.size");
        // the SDK reads this one only with its underscore, which it never derives from the variable
        assertThat(TracingService.propertyName("OTEL_JAVA_EXPORTER_MEMORY_MODE")).isEqualTo("otel.java.exporter.memory_mode");
    }

    @Test
    void aBadTracingVariableIsOneLineNamingIt() {
        assertThatThrownBy(() -> SettingsLoader.loadTracing(Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")::get,
                java.util.Set.of("OTEL_EXPORTER_OTLP_PROTOCOL"), Path.of("target/no-such.env")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("OTEL_EXPORTER_OTLP_PROTOCOL='grpc'");
        assertThatThrownBy(() -> SettingsLoader.loadTracing(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318")::get,
                java.util.Set.of("OTEL_EXPORTER_OTLP_ENDPOINT"), Path.of("target/no-such.env")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("OTEL_EXPORTER_OTLP_ENDPOINT='collector:4318'");
        Settings.Tracing ok = SettingsLoader.loadTracing(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318",
                "OTEL_TRACES_EXPORTER", "none")::get, java.util.Set.of("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_TRACES_EXPORTER"),
                Path.of("target/no-such.env"));
        assertThat(ok.collector()).isFalse();
        assertThat(ok.on()).isFalse();
    }
}
