package dev.backbone.agents.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything needed to build one chat model: resolved once from the environment by
 * {@link LlmSettings}. {@link #toString()} never shows the key, so a config can be logged.
 *
 * @param apiKey null when the provider needs none or none is set (then {@link #configured()} is false)
 * @param timeout how long one LLM request may take
 * @param maxRetries extra tries of one request after a transient failure (timeout, 429, 5xx, network)
 */
public record ProviderConfig(LlmProvider provider, String model, String apiKey, String baseUrl, Duration timeout, int maxRetries) {

    public ProviderConfig {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeout, "timeout");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
    }

    /** True when the provider can be called: it needs no key, or its key is set. */
    public boolean configured() {
        return !provider.needsKey() || (apiKey != null && !apiKey.isBlank());
    }

    public ProviderConfig withBaseUrl(String url) {
        return new ProviderConfig(provider, model, apiKey, url, timeout, maxRetries);
    }

    @Override
    public String toString() {
        return "ProviderConfig[provider=" + provider.wire() + ", model=" + model + ", apiKey="
                + (apiKey == null ? "<unset>" : "<set>") + ", baseUrl=" + baseUrl + ", timeout=" + timeout
                + ", maxRetries=" + maxRetries + "]";
    }
}
