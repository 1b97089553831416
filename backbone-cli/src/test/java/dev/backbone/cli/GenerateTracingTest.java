package dev.backbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.OtlpReceiver;
import dev.backbone.server.support.OtlpReceiver.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backbone-ai generate} with {@code OTEL_EXPORTER_OTLP_ENDPOINT} set exports one trace to a
 * loopback OTLP receiver: the command's root span, then the same workflow tree as the service's
 * (workflow, stages, agents, tool calls), flushed before the command returns.
 */
class GenerateTracingTest {

    final OtlpReceiver receiver = new OtlpReceiver();

    @AfterEach
    void restore() {
        CliTracing.environment = System::getenv;
        receiver.close();
    }

    static Span named(List<Span> spans, String name) {
        return spans.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans.stream().map(Span::name).toList()));
    }

    @Test
    void generateExportsTheCommandsTrace(@TempDir Path dir) {
        CliTracing.environment = () -> Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint());
        Path out = dir.resolve("out");
        CliRunner.Run r = CliRunner.run("generate", CliRunner.example("blog_schema.json").toString(), "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.isDirectory(out)).isTrue();

        List<Span> spans = receiver.await(all -> all.stream().anyMatch(s -> s.name().equals("backbone-ai generate")),
                Duration.ofSeconds(10));
        Span root = named(spans, "backbone-ai generate");
        assertThat(root.parentSpanId()).isEmpty();
        assertThat(root.serviceName()).isEqualTo("backbone-ai-cli");
        assertThat(root.attributes()).containsEntry("process.exit.code", 0L);
        assertThat(spans).allSatisfy(s -> assertThat(s.traceId()).isEqualTo(root.traceId()));
        Span workflow = named(spans, "workflow generation");
        assertThat(workflow.parentSpanId()).isEqualTo(root.spanId());
        assertThat(workflow.attributes()).containsEntry("backbone.project.name", "BlogBackend").containsKey("backbone.files_generated");
        Span generator = named(spans, "code_generator");
        assertThat(generator.parentSpanId()).isEqualTo(named(spans, "stage generate").spanId());
        assertThat(named(spans, "tool render:sqlalchemy").parentSpanId()).isEqualTo(generator.spanId());
        Span validator = named(spans, "code_validator");
        assertThat(named(spans, "tool ddl_check").parentSpanId()).isEqualTo(validator.spanId());
        assertThat(named(spans, "schema_validator").parentSpanId()).isEqualTo(named(spans, "stage validate").spanId());
    }

    @Test
    void withoutTheVariablesNothingIsExported(@TempDir Path dir) {
        CliTracing.environment = Map::of;
        CliRunner.Run r = CliRunner.run("generate", CliRunner.example("blog_schema.json").toString(), "-o", dir.resolve("o").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        receiver.await(all -> false, Duration.ofMillis(300));
        assertThat(receiver.requests()).isZero();
    }
}
