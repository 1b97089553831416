package dev.backbone.server.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The LLM providers a user may name in {@code DEFAULT_LLM_PROVIDER} and {@code <AGENT>_LLM_PROVIDER}:
 * the earlier BackBone's three, and Ollama (local, no key). Defaults are the agents module's
 * (docs/agents.md), so the health report names the model the agents will call.
 */
public enum LlmProvider {
    OPENAI("OPENAI_API_KEY", "OPENAI_MODEL", "gpt-4o-mini", "OPENAI_BASE_URL", "https://api.openai.com/v1"),
    ANTHROPIC("ANTHROPIC_API_KEY", "ANTHROPIC_MODEL", "claude-3-5-haiku-latest", "ANTHROPIC_BASE_URL",
            "https://api.anthropic.com/v1"),
    GOOGLE("GOOGLE_API_KEY", "GOOGLE_MODEL", "gemini-1.5-flash", "GOOGLE_BASE_URL",
            "https://generativelanguage.googleapis.com/v1beta"),
    OLLAMA(null, "OLLAMA_MODEL", "llama3.1", "OLLAMA_BASE_URL", "http://localhost:11434");

    private final String keyVariable;
    private final String modelVariable;
    private final String defaultModel;
    private final String baseUrlVariable;
    private final String defaultBaseUrl;

    LlmProvider(String keyVariable, String modelVariable, String defaultModel, String baseUrlVariable, String defaultBaseUrl) {
        this.keyVariable = keyVariable;
        this.modelVariable = modelVariable;
        this.defaultModel = defaultModel;
        this.baseUrlVariable = baseUrlVariable;
        this.defaultBaseUrl = defaultBaseUrl;
    }

    public String baseUrlVariable() {
        return baseUrlVariable;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The lower-case name used in variables, labels and JSON. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The variable holding this provider's key, or null when it needs none. */
    public String keyVariable() {
        return keyVariable;
    }

    public String modelVariable() {
        return modelVariable;
    }

    public String defaultModel() {
        return defaultModel;
    }

    public boolean needsKey() {
        return keyVariable != null;
    }

    /** A provider by its name; {@code gemini} is Google (as in the agents module). */
    public static Optional<LlmProvider> parse(String s) {
        String v = s.strip().toLowerCase(Locale.ROOT);
        if ("gemini".equals(v)) {
            return Optional.of(GOOGLE);
        }
        return Arrays.stream(values()).filter(p -> p.wire().equals(v)).findFirst();
    }

    /** {@code openai, anthropic, google, ollama} for messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(LlmProvider::wire).toList());
    }
}
