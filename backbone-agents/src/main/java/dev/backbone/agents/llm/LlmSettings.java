package dev.backbone.agents.llm;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The LLM configuration of both agents, resolved from an environment map (the server passes
 * its environment, the CLI its environment merged with {@code .env}). Resolving checks every
 * value, so a bad provider name or number fails here, once, naming the variable.
 *
 * <p>For an agent, the provider is {@code <AGENT>_LLM_PROVIDER}, else {@code DEFAULT_LLM_PROVIDER},
 * else {@code openai}; the model is {@code <AGENT>_MODEL}, else the provider's {@code <P>_MODEL},
 * else the provider's default. Keys and base URLs are per provider.
 *
 * @param agents one config per agent
 * @param defaultProvider the config of {@code DEFAULT_LLM_PROVIDER} (what the health check reports)
 * @param agentMaxRetries how many repair rounds the designer may ask for after its first draft
 */
public record LlmSettings(Map<LlmAgent, ProviderConfig> agents, ProviderConfig defaultProvider, int agentMaxRetries) {

    public static final String DEFAULT_LLM_PROVIDER = "DEFAULT_LLM_PROVIDER";
    public static final String AGENT_MAX_RETRIES = "AGENT_MAX_RETRIES";
    public static final String AGENT_TIMEOUT = "AGENT_TIMEOUT";
    public static final String LLM_MAX_RETRIES = "LLM_MAX_RETRIES";

    public static final int DEFAULT_AGENT_MAX_RETRIES = 3;
    public static final int DEFAULT_LLM_MAX_RETRIES = 2;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public LlmSettings {
        agents = Map.copyOf(new EnumMap<>(agents));
        Objects.requireNonNull(defaultProvider, "defaultProvider");
        for (LlmAgent a : LlmAgent.values()) {
            if (!agents.containsKey(a)) {
                throw new IllegalArgumentException("no config for agent " + a);
            }
        }
    }

    /**
     * Resolves and checks every LLM variable.
     *
     * @throws IllegalArgumentException naming the variable when a value is bad (unknown provider,
     *     a number that is not one, a base URL that is not http(s))
     */
    public static LlmSettings from(Map<String, String> environment) {
        EnvValues env = new EnvValues(environment);
        Duration timeout = env.duration(AGENT_TIMEOUT, DEFAULT_TIMEOUT);
        int llmRetries = env.nonNegativeInt(LLM_MAX_RETRIES, DEFAULT_LLM_MAX_RETRIES);
        int agentRetries = env.nonNegativeInt(AGENT_MAX_RETRIES, DEFAULT_AGENT_MAX_RETRIES);
        LlmProvider fallback = LlmProvider.parse(env.get(DEFAULT_LLM_PROVIDER, LlmProvider.OPENAI.wire()), DEFAULT_LLM_PROVIDER);
        // Check every provider's base URL up front, so a typo fails at start-up, not at the first call.
        Map<LlmProvider, String> urls = new EnumMap<>(LlmProvider.class);
        for (LlmProvider p : LlmProvider.values()) {
            urls.put(p, env.url(p.baseUrlVariable(), p.defaultBaseUrl()));
        }
        Map<LlmAgent, ProviderConfig> agents = new EnumMap<>(LlmAgent.class);
        for (LlmAgent a : LlmAgent.values()) {
            String named = env.get(a.providerVariable());
            LlmProvider p = named == null ? fallback : LlmProvider.parse(named, a.providerVariable());
            String model = env.get(a.modelVariable(), env.get(p.modelVariable(), p.defaultModel()));
            agents.put(a, config(env, p, model, urls.get(p), timeout, llmRetries));
        }
        ProviderConfig def = config(env, fallback, env.get(fallback.modelVariable(), fallback.defaultModel()),
                urls.get(fallback), timeout, llmRetries);
        return new LlmSettings(agents, def, agentRetries);
    }

    public ProviderConfig forAgent(LlmAgent agent) {
        return agents.get(agent);
    }

    private static ProviderConfig config(EnvValues env, LlmProvider p, String model, String url, Duration timeout, int retries) {
        String key = p.needsKey() ? env.get(p.keyVariable()) : null;
        return new ProviderConfig(p, model, key, url, timeout, retries);
    }
}
