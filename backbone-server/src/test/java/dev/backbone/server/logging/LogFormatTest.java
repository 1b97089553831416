package dev.backbone.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.backbone.server.requestid.RequestIds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LogFormatTest {

    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("app.workflows.generation_workflow");

    private BackboneLayout layout(String format) {
        BackboneLayout l = new BackboneLayout();
        l.setContext(context);
        l.setFormat(format);
        l.start();
        return l;
    }

    private LoggingEvent event(Level level, String message, Map<String, String> mdc) {
        LoggingEvent e = new LoggingEvent("x", logger, level, message, null, null);
        e.setMDCPropertyMap(mdc);
        e.setCallerData(new StackTraceElement[] {new StackTraceElement("app.X", "run", "X.java", 145)});
        return e;
    }

    @Test
    void textIsTheGuidesFormat() {
        String line = layout("text").doLayout(event(Level.INFO, "Starting workflow", Map.of()));
        assertThat(line).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} \\| INFO     \\| "
                + "app\\.workflows\\.generation_workflow:run:145 - Starting workflow\\R");
    }

    @Test
    void levelNamesAreTheGuidesPaddedToEight() {
        BackboneLayout l = layout("text");
        assertThat(l.doLayout(event(Level.WARN, "w", Map.of()))).contains("| WARNING  | ");
        assertThat(l.doLayout(event(Level.ERROR, "e", Map.of()))).contains("| ERROR    | ");
        assertThat(l.doLayout(event(Level.DEBUG, "d", Map.of()))).contains("| DEBUG    | ");
        LoggingEvent critical = event(Level.ERROR, "c", Map.of());
        critical.addMarker(LogMarkers.CRITICAL);
        assertThat(l.doLayout(critical)).contains("| CRITICAL | ");
    }

    @Test
    void requestScopedLinesCarryTheRequestIdBeforeTheMessage() {
        String line = layout("text").doLayout(event(Level.INFO, "Starting workflow", Map.of(RequestIds.MDC_KEY, "abc-123")));
        assertThat(line).contains(":run:145 - [req=abc-123] Starting workflow");
    }

    @Test
    void secretsAreRedactedEvenAtDebug() {
        SecretMasker.register(List.of("configured-secret-value-42"));
        String text = layout("text").doLayout(event(Level.DEBUG,
                "calling with configured-secret-value-42 and Bearer abcdefghijklmnopqrstu", Map.of()));
        assertThat(text).doesNotContain("configured-secret-value-42").doesNotContain("abcdefghijklmnopqrstu");
        String json = layout("json").doLayout(event(Level.DEBUG, "key configured-secret-value-42", Map.of()));
        assertThat(json).doesNotContain("configured-secret-value-42");
    }

    @Test
    void jsonIsOneObjectPerLineWithTheRequestId() {
        String line = layout("json").doLayout(event(Level.WARN, "quote \" and\nnewline", Map.of(RequestIds.MDC_KEY, "r-1")));
        assertThat(line).endsWith("}\n");
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode n = JsonMapper.builder().build().readTree(line);
        assertThat(n.get("level").asString()).isEqualTo("WARNING");
        assertThat(n.get("logger").asString()).isEqualTo("app.workflows.generation_workflow");
        assertThat(n.get("function").asString()).isEqualTo("run");
        assertThat(n.get("line").asInt()).isEqualTo(145);
        assertThat(n.get("message").asString()).isEqualTo("quote \" and\nnewline");
        assertThat(n.get("request_id").asString()).isEqualTo("r-1");
        assertThat(n.get("timestamp").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
    }

    @Test
    void traceAndJobIdsStandBesideTheRequestIdInBothFormats() {
        Map<String, String> mdc = Map.of(RequestIds.MDC_KEY, "r-2", LogKeys.TRACE_ID, "4bf92f3577b34da6a3ce929d0e0e4736",
                LogKeys.SPAN_ID, "00f067aa0ba902b7", LogKeys.JOB_ID, "job-7", "api_key", "sk-proj-abcdefghijklmnopqrstuvwx");
        String text = layout("text").doLayout(event(Level.INFO, "hello", mdc));
        assertThat(text).contains("- [req=r-2] [trace=4bf92f3577b34da6a3ce929d0e0e4736] [job=job-7] hello");
        JsonNode n = JsonMapper.builder().build().readTree(layout("json").doLayout(event(Level.INFO, "hello", mdc)));
        assertThat(n.get("request_id").asString()).isEqualTo("r-2");
        assertThat(n.get("trace_id").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(n.get("span_id").asString()).isEqualTo("00f067aa0ba902b7");
        assertThat(n.get("job_id").asString()).isEqualTo("job-7");
        assertThat(n.toString()).doesNotContain("abcdefghijklmnopqrstuvwx");
    }
}
