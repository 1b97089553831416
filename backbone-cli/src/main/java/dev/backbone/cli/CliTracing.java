package dev.backbone.cli;

import dev.backbone.core.workflow.WorkflowListener;
import dev.backbone.server.config.Settings;
import dev.backbone.server.config.SettingsLoader;
import dev.backbone.server.tracing.LlmSpanListener;
import dev.backbone.server.tracing.SpanAttributes;
import dev.backbone.server.tracing.TracedListener;
import dev.backbone.server.tracing.TracingService;
import dev.backbone.server.tracing.TracingWorkflowListener;
import dev.backbone.agents.llm.LlmListeners;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One trace per CLI command when the service's tracing variables are set (the same
 * {@code LANGCHAIN_*} and {@code OTEL_*}, from the environment and {@code .env}): a root span
 * {@code backbone-ai <command>} with the exit code, the workflow's spans under it, and the LLM
 * calls of {@code design}/{@code review}. Queued spans are flushed before the process exits.
 * Off (the default) nothing is built and no OpenTelemetry or logging class is loaded: every
 * short command pays for what it loads (docs/performance.md, start-up).
 */
final class CliTracing implements AutoCloseable {

    /** The process environment; tests replace it. */
    static Supplier<Map<String, String>> environment = () -> Invocation.current().env();

    private static volatile CliTracing current;

    private final TracingService tracing;
    private final TracingWorkflowListener spans;
    private final Span root;
    private final Scope scope;

    /** Tracing off: nothing to end or flush. */
    private static final CliTracing OFF = new CliTracing();

    private CliTracing() {
        this.tracing = null;
        this.spans = null;
        this.root = null;
        this.scope = null;
    }

    private CliTracing(TracingService tracing, String command) {
        this.tracing = tracing;
        this.spans = tracing.enabled() ? new TracingWorkflowListener(tracing) : null;
        this.root = tracing.tracer().spanBuilder("backbone-ai " + command)
                .setAttribute(SpanAttributes.LANGSMITH_KIND, "chain")
                .setAttribute(AttributeKey.stringKey("backbone.command"), command)
                .startSpan();
        this.scope = root.makeCurrent();
    }

    /**
     * Starts the command's trace.
     *
     * @throws dev.backbone.server.config.ConfigurationException naming a bad tracing variable
     */
    static CliTracing start(String command) {
        Map<String, String> env = environment.get();
        Settings.Tracing config = SettingsLoader.loadTracing(env::get, env.keySet(), Invocation.current().path(".env"));
        if (!config.on()) {
            current = null;
            return OFF;
        }
        CliTracing t = new CliTracing(TracingService.start(config, "backbone-ai-cli", VersionInfo.version(), "cli"), command);
        current = t;
        return t;
    }

    /** {@code inner} plus the span bridge when a command is being traced, else {@code inner} itself. */
    static WorkflowListener listener(WorkflowListener inner) {
        CliTracing t = current;
        return t == null || t.spans == null ? inner : new TracedListener(t.spans, inner);
    }

    /** The LLM span listeners for the agents of {@code design}/{@code review}. */
    static LlmListeners llmListeners() {
        CliTracing t = current;
        return t == null ? LlmListeners.NONE : LlmSpanListener.listeners(t.tracing);
    }

    void exitCode(int code) {
        if (root == null) {
            return;
        }
        root.setAttribute(AttributeKey.longKey("process.exit.code"), code);
        if (code != BackboneCommand.OK) {
            root.setStatus(StatusCode.ERROR, "exit code " + code);
            root.setAttribute(SpanAttributes.ERROR_TYPE, code == BackboneCommand.INVALID ? "invalid" : "exit_" + code);
        }
    }

    @Override
    public void close() {
        current = null;
        if (root == null) {
            return;
        }
        TracingWorkflowListener.closeAll();
        scope.close();
        root.end();
        tracing.flush(Duration.ofSeconds(10));
        tracing.close();
    }
}
