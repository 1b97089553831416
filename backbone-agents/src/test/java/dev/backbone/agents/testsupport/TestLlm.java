package dev.backbone.agents.testsupport;

import dev.backbone.agents.llm.LlmFactory;
import dev.backbone.agents.llm.LlmProvider;
import dev.backbone.agents.llm.LlmSettings;
import dev.backbone.agents.llm.MeteredChat;
import dev.backbone.agents.llm.ProviderConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Settings pointing at a {@link ProviderStub}, and metered chats that retry without pausing. */
public final class TestLlm {

    /** A key shaped like none of the real ones, so only the configured-key redaction can hide it. */
    public static final String KEY = "test-key-7f3a9c1e5b";

    private TestLlm() {}

    /** An environment selecting {@code provider} at the stub, with a key and no retries unless {@code extra} says so. */
    public static Map<String, String> env(LlmProvider provider, ProviderStub stub, String... extra) {
        Map<String, String> env = new HashMap<>();
        env.put("DEFAULT_LLM_PROVIDER", provider.wire());
        env.put(provider.baseUrlVariable(), stub.baseUrl());
        if (provider.needsKey()) {
            env.put(provider.keyVariable(), KEY);
        }
        env.put("LLM_MAX_RETRIES", "0");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    public static LlmSettings settings(LlmProvider provider, ProviderStub stub, String... extra) {
        return LlmSettings.from(env(provider, stub, extra));
    }

    public static MeteredChat chat(ProviderConfig config) {
        return new MeteredChat(config, LlmFactory.create(config), Duration.ZERO);
    }
}
