package dev.backbone.core.workflow;

/**
 * What the workflow tells the world while it runs. The engine knows nothing of Prometheus,
 * OpenTelemetry, Spring or terminals: the server turns these calls into metrics and spans, the
 * CLI into progress output. Every method has an empty default so a listener implements only
 * what it needs. Calls happen on the thread running the workflow; listeners must be quick.
 *
 * <p>Stages are the workflow's steps ({@code validate}, {@code plan}, {@code generate},
 * {@code verify}); agents are the components doing them ({@code schema_validator},
 * {@code architect}, {@code code_generator}, {@code code_validator}, and the LLM agents).
 */
public interface WorkflowListener {

    WorkflowListener NONE = new WorkflowListener() {};

    default void workflowStarted(String kind) {}

    /** {@code status} is {@code completed}, {@code failed} (the input was rejected) or {@code error} (a bug or I/O). */
    default void workflowFinished(String kind, String status, long nanos) {}

    default void stageStarted(String stage) {}

    default void stageFinished(String stage, long nanos, boolean success) {}

    default void agentStarted(String agent) {}

    /** {@code status} is {@code success} or {@code failure}. */
    default void agentFinished(String agent, String status, long nanos) {}

    /** {@code errorType} is a short bounded word: {@code invalid_schema}, {@code exception class name}, ... */
    default void agentError(String agent, String errorType) {}

    /**
     * One tool call inside an agent: a target's template render ({@code render:<target>}), the
     * DDL check, the models' structure check, each Python check ({@code python:<check>}).
     */
    default void toolStarted(String tool) {}

    default void toolFinished(String tool, long nanos, boolean success) {}

    /** The document read and checked: its project name (null when unreadable), table count and finding counts. */
    default void schemaChecked(String projectName, int tables, int errors, int warnings, int infos) {}

    default void filesGenerated(String projectName, int files, long lines, int models) {}

    /** One LLM call with the provider's reported usage; {@code errorType} is null on success. */
    default void llmCall(String provider, String model, long nanos, long promptTokens, long completionTokens, String errorType) {}

    /** A line worth logging (the server logs it with the request id, the CLI may print it with --verbose). */
    default void message(String level, String text) {}
}
