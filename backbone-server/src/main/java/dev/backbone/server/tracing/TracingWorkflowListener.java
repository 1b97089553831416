package dev.backbone.server.tracing;

import static dev.backbone.server.tracing.SpanAttributes.*;

import dev.backbone.core.workflow.WorkflowListener;
import dev.backbone.server.logging.SecretMasker;
import dev.backbone.server.requestid.RequestIds;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>This runs five to ten times per request, so it does no more than the SDK needs: span names
 * are built once per stage, agent or tool name and reused, a failure's status text only on a
 * failure, the request id read from the MDC once per outermost span and passed down the stack
 * (it cannot change under an open span), and the thread's stack is kept between requests
 * rather than dropped and rebuilt (an empty {@code ArrayDeque} per pooled thread).
 */
public final class TracingWorkflowListener implements WorkflowListener {

    private static final ThreadLocal<Deque<Frame>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);

    /** Span names by event name (few: the engine's workflows, stages and tools); past this many, built per call. */
    private static final int MAX_NAMES = 256;

    private final Tracer tracer;
    private final Map<String, String> workflowNames = new ConcurrentHashMap<>();
    private final Map<String, String> stageNames = new ConcurrentHashMap<>();
    private final Map<String, String> toolNames = new ConcurrentHashMap<>();

    public TracingWorkflowListener(TracingService tracing) {
        this.tracer = tracing.tracer();
    }

    private record Frame(String key, Span span, Scope scope, String requestId) {}

    /** {@code prefix + value}, built once per value. */
    private static String name(Map<String, String> names, String prefix, String value) {
        String n = names.get(value);
        if (n == null) {
            n = prefix + value;
            if (names.size() < MAX_NAMES) {
                names.put(value, n);
            }
        }
        return n;
    }

    private void open(String key, String name, String kind, AttributeKey<String> attribute, String value,
            AttributeKey<String> extra) {
        Deque<Frame> open = OPEN.get();
        Frame outer = open.peek();
        String id = outer != null && outer.requestId != null ? outer.requestId : MDC.get(RequestIds.MDC_KEY);
        SpanBuilder b = tracer.spanBuilder(name)
                .setAttribute(LANGSMITH_KIND, kind)
                .setAttribute(attribute, value);
        if (extra != null) {
            b.setAttribute(extra, value);
        }
        if (id != null) {
            b.setAttribute(LANGSMITH_REQUEST_ID, id);
        }
        Span span = b.startSpan();
        open.push(new Frame(key, span, span.makeCurrent(), id));
    }

    /**
     * Ends the innermost open span with {@code key} (and any left open inside it); null when none
     * is open. A failure's status text is the three parts joined, built only on a failure.
     */
    private Span close(String key, boolean success, String failure1, String failure2, String failure3) {
        Deque<Frame> open = OPEN.get();
        if (find(open, key) == null) {
            return null;
        }
        while (true) {
            Frame f = open.pop();
            f.scope.close();
            if (f.key.equals(key)) {
                if (!success) {
                    f.span.setStatus(StatusCode.ERROR, failure1 + failure2 + failure3);
                }
                f.span.end();
                return f.span;
            }
            f.span.setStatus(StatusCode.ERROR, "not finished");
            f.span.end();
        }
    }

    /** The innermost open span with {@code key}, or null. */
    private static Span find(String key) {
        return find(OPEN.get(), key);
    }

    private static Span find(Deque<Frame> open, String key) {
        for (Frame f : open) {
            if (f.key.equals(key)) {
                return f.span;
            }
        }
        return null;
    }

    @Override
    public void workflowStarted(String kind) {
        open("workflow", name(workflowNames, "workflow ", kind), "chain", WORKFLOW, kind, null);
    }

    @Override
    public void workflowFinished(String kind, String status, long nanos) {
        Span s = find("workflow");
        if (s != null) {
            s.setAttribute(WORKFLOW_STATUS, status);
        }
        close("workflow", "completed".equals(status), status, "", "");
    }

    @Override
    public void stageStarted(String stage) {
        open("stage", name(stageNames, "stage ", stage), "chain", STAGE, stage, null);
    }

    @Override
    public void stageFinished(String stage, long nanos, boolean success) {
        close("stage", success, "stage ", stage, " failed");
    }

    @Override
    public void agentStarted(String agent) {
        open("agent", agent, "chain", AGENT, agent, GEN_AI_AGENT);
    }

    @Override
    public void agentFinished(String agent, String status, long nanos) {
        close("agent", "success".equals(status), agent, " ", status);
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
        open("tool", name(toolNames, "tool ", tool), "tool", TOOL, tool, null);
    }

    @Override
    public void toolFinished(String tool, long nanos, boolean success) {
        close("tool", success, tool, " failed", "");
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
    }
}
