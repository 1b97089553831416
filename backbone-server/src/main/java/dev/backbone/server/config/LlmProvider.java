package dev.backbone.server.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The LLM providers a user may name in {@code DEFAULT_LLM_PROVIDER} and {@code <AGENT>_LLM_PROVIDER}:
 * the earlier BackBone's three, and Ollama (local, no key).
 */
public enum LlmProvider {
    OPENAI("OPENAI_API_KEY", "OPENAI_MODEL", "gpt-4"),
    ANTHROPIC("ANTHROPIC_API_KEY", "ANTHROPIC_MODEL", "claude-3-5-sonnet-20241022"),
    GOOGLE("GOOGLE_API_KEY", "GOOGLE_MODEL", "gemini-1.5-pro"),
    OLLAMA(null, "OLLAMA_MODEL", "llama3.1");

    private final String keyVariable;
    private final String modelVariable;
    private final String defaultModel;

    LlmProvider(String keyVariable, String modelVariable, String defaultModel) {
        this.keyVariable = keyVariable;
        this.modelVariable = modelVariable;
        this.defaultModel = defaultModel;
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

    public static Optional<LlmProvider> parse(String s) {
        String v = s.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.wire().equals(v)).findFirst();
    }

    /** {@code openai, anthropic, google, ollama} for messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(LlmProvider::wire).toList());
    }
}
