package dev.backbone.agents.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The LLM providers BackBone can talk to, with the environment variables that configure each.
 * One table here so the variable names, defaults and key requirements live in one place
 * (the docs in {@code docs/agents.md} list the same).
 */
public enum LlmProvider {
    OPENAI("openai", "OPENAI_API_KEY", "OPENAI_MODEL", "OPENAI_BASE_URL", "gpt-4o-mini", "https://api.openai.com/v1"),
    ANTHROPIC("anthropic", "ANTHROPIC_API_KEY", "ANTHROPIC_MODEL", "ANTHROPIC_BASE_URL", "claude-3-5-haiku-latest", "https://api.anthropic.com/v1"),
    GOOGLE("google", "GOOGLE_API_KEY", "GOOGLE_MODEL", "GOOGLE_BASE_URL", "gemini-1.5-flash", "https://generativelanguage.googleapis.com/v1beta"),
    /** Local models: no key; configured by its base URL alone. */
    OLLAMA("ollama", null, "OLLAMA_MODEL", "OLLAMA_BASE_URL", "llama3.1", "http://localhost:11434");

    private final String wire;
    private final String keyVariable;
    private final String modelVariable;
    private final String baseUrlVariable;
    private final String defaultModel;
    private final String defaultBaseUrl;

    LlmProvider(String wire, String keyVariable, String modelVariable, String baseUrlVariable, String defaultModel, String defaultBaseUrl) {
        this.wire = wire;
        this.keyVariable = keyVariable;
        this.modelVariable = modelVariable;
        this.baseUrlVariable = baseUrlVariable;
        this.defaultModel = defaultModel;
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /** The name used in variables, metrics labels and messages: {@code openai}, {@code anthropic}, ... */
    public String wire() {
        return wire;
    }

    /** The variable holding the API key, or null for a provider that needs none. */
    public String keyVariable() {
        return keyVariable;
    }

    public boolean needsKey() {
        return keyVariable != null;
    }

    public String modelVariable() {
        return modelVariable;
    }

    public String baseUrlVariable() {
        return baseUrlVariable;
    }

    public String defaultModel() {
        return defaultModel;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** {@code openai|anthropic|google|ollama}, for messages. */
    public static String allowed() {
        return Arrays.stream(values()).map(LlmProvider::wire).collect(Collectors.joining("|"));
    }

    /**
     * Parses a provider name (case-insensitive; {@code gemini} is accepted for {@code google}).
     *
     * @param variable the variable the value came from, named in the error
     * @throws IllegalArgumentException naming the variable and the allowed values
     */
    public static LlmProvider parse(String value, String variable) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("gemini")) {
            return GOOGLE;
        }
        for (LlmProvider p : values()) {
            if (p.wire.equals(v)) {
                return p;
            }
        }
        throw new IllegalArgumentException(variable + "='" + value + "' is not a known LLM provider; allowed: " + allowed());
    }
}
