package dev.backbone.agents.llm;

import java.util.Map;

/**
 * What the server's health check says about the LLM: whether the default provider can be
 * called, and why not. It checks configuration only (no network call), so the check is cheap
 * and the deterministic service stays healthy without a key: a missing key is "not configured",
 * which the server reports as {@code degraded}. Never holds the key.
 */
public record LlmStatus(boolean configured, String provider, String model, String message) {

    /** The status of {@code DEFAULT_LLM_PROVIDER} in this environment; never throws. */
    public static LlmStatus of(Map<String, String> environment) {
        try {
            return of(LlmSettings.from(environment).defaultProvider());
        } catch (IllegalArgumentException e) {
            String raw = environment.get(LlmSettings.DEFAULT_LLM_PROVIDER);
            return new LlmStatus(false, raw == null ? LlmProvider.OPENAI.wire() : raw.trim(), null, e.getMessage());
        }
    }

    public static LlmStatus of(ProviderConfig config) {
        String name = config.provider().wire();
        if (!config.configured()) {
            return new LlmStatus(false, name, config.model(),
                    "LLM provider '" + name + "' not configured: " + config.provider().keyVariable() + " is not set");
        }
        String where = config.provider().needsKey() ? "" : " at " + config.baseUrl();
        return new LlmStatus(true, name, config.model(), "LLM provider '" + name + "' configured" + where);
    }
}
