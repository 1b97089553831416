package dev.backbone.agents.llm;

/**
 * The LLM agents, each with the prefix of its per-agent variables ({@code SCHEMA_DESIGNER_LLM_PROVIDER},
 * {@code SCHEMA_DESIGNER_MODEL}) and the name it carries in agent metrics.
 */
public enum LlmAgent {
    SCHEMA_DESIGNER("schema_designer"),
    SCHEMA_REVIEWER("schema_reviewer");

    private final String metricName;

    LlmAgent(String metricName) {
        this.metricName = metricName;
    }

    /** The {@code agent_name} label: {@code schema_designer}, {@code schema_reviewer}. */
    public String metricName() {
        return metricName;
    }

    public String providerVariable() {
        return name() + "_LLM_PROVIDER";
    }

    public String modelVariable() {
        return name() + "_MODEL";
    }
}
