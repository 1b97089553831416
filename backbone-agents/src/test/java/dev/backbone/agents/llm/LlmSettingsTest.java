package dev.backbone.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {

    private static final String KEY = "test-key-7f3a9c1e5b";

    @Test
    void withNothingSetBothAgentsUseOpenAiDefaultsAndAreNotConfigured() {
        LlmSettings s = LlmSettings.from(Map.of());

        for (LlmAgent a : LlmAgent.values()) {
            ProviderConfig c = s.forAgent(a);
            assertThat(c.provider()).isEqualTo(LlmProvider.OPENAI);
            assertThat(c.model()).isEqualTo("gpt-4o-mini");
            assertThat(c.baseUrl()).isEqualTo("https://api.openai.com/v1");
            assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(c.maxRetries()).isEqualTo(2);
            assertThat(c.configured()).isFalse();
        }
        assertThat(s.agentMaxRetries()).isEqualTo(3);
    }

    @Test
    void eachProviderHasItsDefaultModel() {
        assertThat(model("anthropic")).isEqualTo("claude-3-5-haiku-latest");
        assertThat(model("google")).isEqualTo("gemini-1.5-flash");
        assertThat(model("ollama")).isEqualTo("llama3.1");
        assertThat(LlmSettings.from(Map.of("DEFAULT_LLM_PROVIDER", "ollama")).defaultProvider().baseUrl())
                .isEqualTo("http://localhost:11434");
    }

    @Test
    void perAgentVariablesOverrideProviderAndModel() {
        LlmSettings s = LlmSettings.from(Map.of(
                "DEFAULT_LLM_PROVIDER", "openai",
                "OPENAI_API_KEY", KEY,
                "OPENAI_MODEL", "gpt-4o",
                "SCHEMA_REVIEWER_LLM_PROVIDER", "Anthropic",
                "ANTHROPIC_MODEL", "claude-3-5-sonnet-latest",
                "SCHEMA_DESIGNER_MODEL", "gpt-4.1"));

        ProviderConfig designer = s.forAgent(LlmAgent.SCHEMA_DESIGNER);
        ProviderConfig reviewer = s.forAgent(LlmAgent.SCHEMA_REVIEWER);
        assertThat(designer.provider()).isEqualTo(LlmProvider.OPENAI);
        assertThat(designer.model()).isEqualTo("gpt-4.1");
        assertThat(designer.configured()).isTrue();
        assertThat(reviewer.provider()).isEqualTo(LlmProvider.ANTHROPIC);
        assertThat(reviewer.model()).isEqualTo("claude-3-5-sonnet-latest");
        assertThat(reviewer.configured()).as("no ANTHROPIC_API_KEY").isFalse();
        assertThat(s.defaultProvider().model()).isEqualTo("gpt-4o");
    }

    @Test
    void anAgentModelOverrideWinsOverTheProviderModel() {
        LlmSettings s = LlmSettings.from(Map.of("SCHEMA_REVIEWER_LLM_PROVIDER", "ollama",
                "OLLAMA_MODEL", "qwen2.5", "SCHEMA_REVIEWER_MODEL", "mistral"));
        assertThat(s.forAgent(LlmAgent.SCHEMA_REVIEWER).model()).isEqualTo("mistral");
        assertThat(s.forAgent(LlmAgent.SCHEMA_REVIEWER).configured()).as("ollama needs no key").isTrue();
        assertThat(s.forAgent(LlmAgent.SCHEMA_DESIGNER).provider()).isEqualTo(LlmProvider.OPENAI);
    }

    @Test
    void unknownProviderNamesTheVariableAndTheAllowedValues() {
        assertThatThrownBy(() -> LlmSettings.from(Map.of("DEFAULT_LLM_PROVIDER", "mistral")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DEFAULT_LLM_PROVIDER='mistral' is not a known LLM provider; allowed: openai|anthropic|google|ollama");
        assertThatThrownBy(() -> LlmSettings.from(Map.of("SCHEMA_DESIGNER_LLM_PROVIDER", "azure")))
                .hasMessageStartingWith("SCHEMA_DESIGNER_LLM_PROVIDER='azure' is not a known LLM provider");
    }

    @Test
    void badNumbersDurationsAndUrlsNameTheirVariable() {
        assertThatThrownBy(() -> LlmSettings.from(Map.of("LLM_MAX_RETRIES", "two")))
                .hasMessage("LLM_MAX_RETRIES='two' is not a whole number >= 0");
        assertThatThrownBy(() -> LlmSettings.from(Map.of("AGENT_MAX_RETRIES", "-1")))
                .hasMessageStartingWith("AGENT_MAX_RETRIES='-1'");
        assertThatThrownBy(() -> LlmSettings.from(Map.of("AGENT_TIMEOUT", "soon")))
                .hasMessageStartingWith("AGENT_TIMEOUT='soon' is not a duration");
        assertThatThrownBy(() -> LlmSettings.from(Map.of("OLLAMA_BASE_URL", "localhost:11434")))
                .hasMessage("OLLAMA_BASE_URL='localhost:11434' is not an http(s) URL");
    }

    @Test
    void timeoutsReadSecondsOrUnitsAndBaseUrlsLoseTheTrailingSlash() {
        assertThat(timeout("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(timeout("2.5")).isEqualTo(Duration.ofMillis(2500));
        assertThat(timeout("300ms")).isEqualTo(Duration.ofMillis(300));
        assertThat(timeout("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(LlmSettings.from(Map.of("OPENAI_BASE_URL", "http://127.0.0.1:8080/v1/")).defaultProvider().baseUrl())
                .isEqualTo("http://127.0.0.1:8080/v1");
    }

    @Test
    void blankValuesCountAsUnset() {
        LlmSettings s = LlmSettings.from(Map.of("DEFAULT_LLM_PROVIDER", " ", "OPENAI_API_KEY", "", "OPENAI_MODEL", "  "));
        assertThat(s.defaultProvider().provider()).isEqualTo(LlmProvider.OPENAI);
        assertThat(s.defaultProvider().model()).isEqualTo("gpt-4o-mini");
        assertThat(s.defaultProvider().configured()).isFalse();
    }

    @Test
    void toStringNeverShowsTheKey() {
        LlmSettings s = LlmSettings.from(Map.of("OPENAI_API_KEY", KEY));
        assertThat(s.toString()).doesNotContain(KEY).contains("apiKey=<set>");
        assertThat(s.defaultProvider().toString()).doesNotContain(KEY);
    }

    @Test
    void statusSaysWhichVariableIsMissingAndNeverHoldsTheKey() {
        LlmStatus missing = LlmStatus.of(Map.of("DEFAULT_LLM_PROVIDER", "anthropic"));
        assertThat(missing.configured()).isFalse();
        assertThat(missing.provider()).isEqualTo("anthropic");
        assertThat(missing.model()).isEqualTo("claude-3-5-haiku-latest");
        assertThat(missing.message()).isEqualTo("LLM provider 'anthropic' not configured: ANTHROPIC_API_KEY is not set");

        LlmStatus ok = LlmStatus.of(Map.of("DEFAULT_LLM_PROVIDER", "google", "GOOGLE_API_KEY", KEY));
        assertThat(ok.configured()).isTrue();
        assertThat(ok.message()).isEqualTo("LLM provider 'google' configured");
        assertThat(ok.toString()).doesNotContain(KEY);

        LlmStatus local = LlmStatus.of(Map.of("DEFAULT_LLM_PROVIDER", "ollama"));
        assertThat(local.configured()).isTrue();
        assertThat(local.message()).isEqualTo("LLM provider 'ollama' configured at http://localhost:11434");
    }

    @Test
    void statusOfABadProviderIsNotConfiguredWithTheReason() {
        LlmStatus bad = LlmStatus.of(Map.of("DEFAULT_LLM_PROVIDER", "gpt"));
        assertThat(bad.configured()).isFalse();
        assertThat(bad.provider()).isEqualTo("gpt");
        assertThat(bad.message()).contains("DEFAULT_LLM_PROVIDER='gpt'", "openai|anthropic|google|ollama");
    }

    @Test
    void theFactoryRefusesAProviderWithoutItsKeyNamingTheVariable() {
        ProviderConfig c = LlmSettings.from(Map.of()).defaultProvider();
        assertThatThrownBy(() -> LlmFactory.create(c))
                .isInstanceOf(LlmNotConfiguredException.class)
                .hasMessage("LLM provider 'openai' not configured: OPENAI_API_KEY is not set");
    }

    @Test
    void theFactoryBuildsEveryProviderWithoutCallingIt() {
        for (LlmProvider p : LlmProvider.values()) {
            Map<String, String> env = p.needsKey()
                    ? Map.of("DEFAULT_LLM_PROVIDER", p.wire(), p.keyVariable(), KEY)
                    : Map.of("DEFAULT_LLM_PROVIDER", p.wire());
            assertThat(LlmFactory.create(LlmSettings.from(env).defaultProvider())).as(p.wire()).isNotNull();
        }
    }

    private static String model(String provider) {
        return LlmSettings.from(Map.of("DEFAULT_LLM_PROVIDER", provider)).defaultProvider().model();
    }

    private static Duration timeout(String value) {
        return LlmSettings.from(Map.of("AGENT_TIMEOUT", value)).defaultProvider().timeout();
    }
}
