package dev.backbone.server.tracing;

import static dev.backbone.server.tracing.SpanAttributes.*;

import dev.backbone.core.workflow.WorkflowListener;
import dev.backbone.server.logging.SecretMasker;
import dev.backbone.server.requestid.RequestIds;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.slf4j.MDC;

/**
 * The workflow's events as spans, as {@code MetricsWorkflowListener} makes them metrics: a span
 * per workflow ({@code workflow generation}), stage ({@code stage validate}), agent
 * ({@code schema_validator}) and tool call ({@code tool render:sqlalchemy}), each a child of
 * whatever span is current when it starts (the request's, a CLI command's, an LLM agent's), and
 * made current itself so that LLM calls and nested workflows hang under it.
 *
 * <p>The engine reports start and end on the thread doing the work, strictly nested, so each
 * thread keeps a stack of open spans; an end closes the innermost open span of its kind (and
 * anything left open inside it, so a missed event can never leave a scope attached to a
 * pooled thread). One instance serves all threads.
 */
public final class TracingWorkflowListener implements WorkflowListener {

    private static final ThreadLocal<Deque<Frame>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);

    private final Tracer tracer;

    public TracingWorkflowListener(TracingService tracing) {
        this.tracer = tracing.tracer();
    }

    private record Frame(String key, Span span, Scope scope) {}

    private void open(String key, String name, String kind, AttributeKey<String> attribute, String value) {
        Span span = tracer.spanBuilder(name).setParent(Context.current())
                .setAttribute(LANGSMITH_KIND, kind)
                .setAttribute(attribute, value)
                .startSpan();
        String id = MDC.get(RequestIds.MDC_KEY);
        if (id != null) {
            span.setAttribute(LANGSMITH_REQUEST_ID, id);
        }
        OPEN.get().push(new Frame(key, span, span.makeCurrent()));
    }

    /** Ends the innermost open span with {@code key} (and any left open inside it); null when none is open. */
    private Span close(String key, boolean success, String failure) {
        Deque<Frame> open = OPEN.get();
        if (find(key) == null) {
            return null;
        }
        while (true) {
            Frame f = open.pop();
            f.scope.close();
            if (f.key.equals(key)) {
                if (!success) {
                    f.span.setStatus(StatusCode.ERROR, failure);
                }
                f.span.end();
                if (open.isEmpty()) {
                    OPEN.remove();
                }
                return f.span;
            }
            f.span.setStatus(StatusCode.ERROR, "not finished");
            f.span.end();
        }
    }

    /** The innermost open span with {@code key}, or null. */
    private static Span find(String key) {
        for (Frame f : OPEN.get()) {
            if (f.key.equals(key)) {
                return f.span;
            }
        }
        return null;
    }

    @Override
    public void workflowStarted(String kind) {
        open("workflow", "workflow " + kind, "chain", WORKFLOW, kind);
    }

    @Override
    public void workflowFinished(String kind, String status, long nanos) {
        Span s = find("workflow");
        if (s != null) {
            s.setAttribute(WORKFLOW_STATUS, status);
        }
        close("workflow", "completed".equals(status), status);
    }

    @Override
    public void stageStarted(String stage) {
        open("stage", "stage " + stage, "chain", STAGE, stage);
    }

    @Override
    public void stageFinished(String stage, long nanos, boolean success) {
        close("stage", success, "stage " + stage + " failed");
    }

    @Override
    public void agentStarted(String agent) {
        open("agent", agent, "chain", AGENT, agent);
        Span.current().setAttribute(GEN_AI_AGENT, agent);
    }

    @Override
    public void agentFinished(String agent, String status, long nanos) {
        close("agent", "success".equals(status), agent + " " + status);
    }

    @Override
    public void agentError(String agent, String errorType) {
        Span agentSpan = find("agent");
        if (agentSpan != null) {
            agentSpan.setAttribute(ERROR_TYPE, errorType);
        }
        Span workflow = find("workflow");
        if (workflow != null) {
            workflow.setAttribute(ERROR_TYPE, errorType);
        }
    }

    @Override
    public void toolStarted(String tool) {
        open("tool", "tool " + tool, "tool", TOOL, tool);
    }

    @Override
    public void toolFinished(String tool, long nanos, boolean success) {
        close("tool", success, tool + " failed");
    }

    @Override
    public void schemaChecked(String projectName, int tables, int errors, int warnings, int infos) {
        Span s = find("workflow");
        if (s == null) {
            return;
        }
        if (projectName != null) {
            s.setAttribute(PROJECT, projectName);
        }
        s.setAttribute(TABLES, tables);
        s.setAttribute(ERRORS, errors);
        s.setAttribute(WARNINGS, warnings);
        s.setAttribute(INFOS, infos);
    }

    @Override
    public void filesGenerated(String projectName, int files, long lines, int models) {
        Span s = find("workflow");
        if (s != null) {
            s.setAttribute(FILES, files);
            s.setAttribute(LINES, lines);
            s.setAttribute(MODELS, models);
        }
    }

    @Override
    public void message(String level, String text) {
        String l = level == null ? "info" : level.toLowerCase(Locale.ROOT);
        if (l.startsWith("warn") || l.equals("error") || l.equals("critical")) {
            Span.current().addEvent("log", Attributes.of(AttributeKey.stringKey("log.severity"), l,
                    AttributeKey.stringKey("log.message"), SecretMasker.mask(text)));
        }
    }

    /** Ends every span this thread still has open (a request's end, whatever happened inside). */
    public static void closeAll() {
        Deque<Frame> open = OPEN.get();
        while (!open.isEmpty()) {
            Frame f = open.pop();
            f.scope.close();
            f.span.setStatus(StatusCode.ERROR, "not finished");
            f.span.end();
        }
        OPEN.remove();
    }
}
