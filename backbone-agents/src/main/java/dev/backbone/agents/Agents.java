package dev.backbone.agents;

import dev.backbone.agents.designer.SchemaDesigner;
import dev.backbone.agents.llm.LlmListeners;
import dev.backbone.agents.llm.LlmSettings;
import dev.backbone.agents.llm.LlmStatus;
import dev.backbone.agents.reviewer.SchemaReviewer;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.workflow.Workflow;
import java.util.Map;

/**
 * The entry point for the server and the CLI: resolve the LLM configuration once (a bad value
 * fails here, naming the variable), then ask for the health status or an agent. Nothing here
 * calls a provider; only {@code design}/{@code review} on an agent do, and only when asked.
 * Agents are built once and shared (thread-safe; the listener comes with each call).
 */
public final class Agents {

    private final LlmSettings settings;
    private final SchemaReviewer reviewer;
    private final SchemaDesigner designer;

    private Agents(LlmSettings settings, Workflow workflow, Limits limits, LlmListeners listeners) {
        this.settings = settings;
        this.reviewer = SchemaReviewer.create(settings, listeners);
        this.designer = SchemaDesigner.create(settings, workflow, limits, listeners);
    }

    /**
     * @param environment the process environment, merged with {@code .env} by the caller ({@link dev.backbone.core.env.DotEnv})
     * @param limits the document limits drafts are validated with ({@code Limits.SERVICE} in the server, {@code Limits.DEFAULTS} in the CLI)
     * @throws IllegalArgumentException naming the variable, for an unknown provider or a malformed number, duration or URL
     */
    public static Agents from(Map<String, String> environment, Workflow workflow, Limits limits) {
        return from(environment, workflow, limits, LlmListeners.NONE);
    }

    /** As {@link #from(Map, Workflow, Limits)}, every chat model told to {@code listeners} (tracing). */
    public static Agents from(Map<String, String> environment, Workflow workflow, Limits limits, LlmListeners listeners) {
        return new Agents(LlmSettings.from(environment), workflow, limits, listeners);
    }

    /**
     * From settings already resolved (the server resolves them with the rest of its configuration,
     * so a bad value is reported with the other bad variables, in one line).
     */
    public static Agents of(LlmSettings settings, Workflow workflow, Limits limits) {
        return of(settings, workflow, limits, LlmListeners.NONE);
    }

    /** As {@link #of(LlmSettings, Workflow, Limits)}, every chat model told to {@code listeners} (tracing). */
    public static Agents of(LlmSettings settings, Workflow workflow, Limits limits, LlmListeners listeners) {
        return new Agents(settings, workflow, limits, listeners);
    }

    public LlmSettings settings() {
        return settings;
    }

    /** The health check's view of {@code DEFAULT_LLM_PROVIDER} (configuration only, no call). */
    public LlmStatus status() {
        return LlmStatus.of(settings.defaultProvider());
    }

    public SchemaReviewer reviewer() {
        return reviewer;
    }

    public SchemaDesigner designer() {
        return designer;
    }
}
