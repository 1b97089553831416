package dev.backbone.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backbone.agents.llm.LlmAgent;
import dev.backbone.agents.llm.LlmProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    @TempDir
    Path dir;

    /** Outside a container (no marker file), whatever machine the test runs on. */
    private Settings load(Map<String, String> env) {
        return SettingsLoader.load(env::get, env.keySet(), dir.resolve(".env"), p -> false);
    }

    private Settings load(Map<String, String> env, String dotEnv) throws IOException {
        Files.writeString(dir.resolve(".env"), dotEnv);
        return load(env);
    }

    @Test
    void defaultsAreTheContractsWhenNothingIsSet() {
        Settings s = load(Map.of());
        assertThat(s.app().name()).isEqualTo("BackBone-AI");
        assertThat(s.app().environment()).isEqualTo("development");
        assertThat(s.app().debug()).isFalse();
        assertThat(s.server().host()).isEqualTo("0.0.0.0");
        assertThat(s.server().port()).isEqualTo(8000);
        assertThat(s.server().portExplicit()).isFalse();
        assertThat(s.llm().defaultProvider()).isEqualTo(LlmProvider.OPENAI);
        assertThat(s.metrics().enabled()).isTrue();
        assertThat(s.metrics().separatePort()).isFalse();
        assertThat(s.input().maxJsonSize()).isEqualTo(10L * 1024 * 1024);
        assertThat(s.input().toLimits()).isEqualTo(dev.backbone.core.validate.Limits.SERVICE);
        assertThat(s.logging().level()).isEqualTo("INFO");
        assertThat(s.logging().dir()).isEqualTo(Path.of("logs"));
        assertThat(s.logging().retentionDays()).isEqualTo(30);
        assertThat(s.security().jwtAlgorithm()).isEqualTo("HS256");
        assertThat(s.security().enableRateLimiting()).isTrue();
        // outside a container the default is development, with limits one developer never reaches
        assertThat(s.security().rateLimits()).isEqualTo(new Settings.RateLimits(1000, 1000, 120, 2000, 1000));
        assertThat(s.security().corsOrigins()).isEmpty();
        assertThat(s.security().enableSecurityHeaders()).isTrue();
        assertThat(s.security().forwardedAllowIps()).containsExactly("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(s.templateDir()).isNull();
    }

    @Test
    void productionAndStagingKeepTheContractsRateLimits() {
        for (String env : List.of("production", "staging")) {
            Settings s = load(Map.of("APP_ENV", env));
            assertThat(s.app().environment()).isEqualTo(env);
            assertThat(s.security().rateLimits()).isEqualTo(new Settings.RateLimits(20, 100, 10, 50, 50))
                    .isEqualTo(Settings.RateLimits.DEFAULTS);
        }
    }

    @Test
    void inAContainerTheDefaultIsProduction() {
        Settings docker = SettingsLoader.load(n -> null, java.util.Set.of(), dir.resolve(".env"),
                p -> p.equals(Path.of("/.dockerenv")));
        assertThat(docker.app().environment()).isEqualTo("production");
        assertThat(docker.security().rateLimits()).isEqualTo(Settings.RateLimits.DEFAULTS);
        Settings podman = SettingsLoader.load(n -> null, java.util.Set.of(), dir.resolve(".env"),
                p -> p.equals(Path.of("/run/.containerenv")));
        assertThat(podman.app().environment()).isEqualTo("production");
        assertThat(load(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1")).app().environment()).isEqualTo("production");
        // an explicit APP_ENV wins over the detection, and a RATE_LIMIT_* over the profile's default
        Settings dev = SettingsLoader.load(Map.of("APP_ENV", "development", "RATE_LIMIT_PUBLIC", "7")::get,
                java.util.Set.of("APP_ENV", "RATE_LIMIT_PUBLIC"), dir.resolve(".env"), p -> true);
        assertThat(dev.app().environment()).isEqualTo("development");
        assertThat(dev.security().rateLimits().publicPerMinute()).isEqualTo(7);
        assertThat(dev.security().rateLimits().generationPerMinute()).isEqualTo(Settings.RateLimits.DEVELOPMENT.generationPerMinute());
    }

    @Test
    void environmentWinsOverDotEnv() throws IOException {
        Settings s = load(Map.of("API_PORT", "9100"), "API_PORT=9200\nAPP_NAME=FromDotEnv\n");
        assertThat(s.server().port()).isEqualTo(9100);
        assertThat(s.server().portExplicit()).isTrue();
        assertThat(s.app().name()).isEqualTo("FromDotEnv");
    }

    @Test
    void readsTheEarlierBackBonesEnvExampleStyle() throws IOException {
        Settings s = load(Map.of(), """
                # comment line
                APP_ENV=production  # development, staging, production
                DEBUG=True
                LOG_LEVEL=warning
                export ENABLE_METRICS=False
                CORS_ORIGINS=["http://localhost:3000", "http://localhost:8000"]
                OPENAI_API_KEY="sk-quoted#not-a-comment"
                ANTHROPIC_API_KEY='literal \\n kept'
                ORCHESTRATOR_LLM_PROVIDER=anthropic
                ORCHESTRATOR_MODEL=claude-3-5-sonnet-20241022
                CUSTOM_AGENT_LLM_PROVIDER=ollama
                API_RELOAD=True
                """);
        assertThat(s.app().environment()).isEqualTo("production");
        assertThat(s.app().debug()).isTrue();
        assertThat(s.logging().level()).isEqualTo("WARNING");
        assertThat(s.logging().logbackLevel()).isEqualTo("WARN");
        assertThat(s.metrics().enabled()).isFalse();
        assertThat(s.security().corsOrigins()).containsExactly("http://localhost:3000", "http://localhost:8000");
        assertThat(s.llm().provider(LlmProvider.OPENAI).apiKey().value()).isEqualTo("sk-quoted#not-a-comment");
        assertThat(s.llm().provider(LlmProvider.ANTHROPIC).apiKey().value()).isEqualTo("literal \\n kept");
        assertThat(s.llm().agents()).containsKeys("orchestrator", "custom_agent");
        assertThat(s.llm().agents().get("orchestrator").provider()).isEqualTo(LlmProvider.ANTHROPIC);
        assertThat(s.llm().agents().get("custom_agent").provider()).isEqualTo(LlmProvider.OLLAMA);
        assertThat(s.llm().agents().get("custom_agent").model()).isEqualTo("llama3.1");
    }

    @Test
    void everyBadValueIsNamedInOneLine() {
        Map<String, String> env = new HashMap<>();
        env.put("API_PORT", "eighty");
        env.put("DEFAULT_LLM_PROVIDER", "watson");
        env.put("DEBUG", "maybe");
        env.put("MAX_JSON_SIZE", "ten megabytes");
        env.put("APP_ENV", "prod");
        env.put("METRICS_PORT", "70000");
        assertThatThrownBy(() -> load(env))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageNotContaining("\n")
                .hasMessageContaining("API_PORT='eighty' is not a port number")
                .hasMessageContaining("DEFAULT_LLM_PROVIDER='watson' is not a known LLM provider; allowed: openai|anthropic|google|ollama")
                .hasMessageContaining("DEBUG='maybe' is not a boolean")
                .hasMessageContaining("MAX_JSON_SIZE='ten megabytes' is not a size")
                .hasMessageContaining("APP_ENV='prod' is not one of development, staging, production")
                .hasMessageContaining("METRICS_PORT='70000'");
    }

    @Test
    void everyBadLlmValueIsNamedOnceWithTheAgentsOwnWording() {
        Map<String, String> env = new HashMap<>();
        env.put("DEFAULT_LLM_PROVIDER", "watson");
        env.put("AGENT_TIMEOUT", "2h");
        env.put("OPENAI_BASE_URL", "ftp://example.com/v1");
        env.put("SCHEMA_REVIEWER_LLM_PROVIDER", "bard");
        env.put("ORCHESTRATOR_LLM_PROVIDER", "azure");
        env.put("OPENAI_API_KEY", "sk-abcdefghijklmnopqrstuvwx");
        assertThatThrownBy(() -> load(env))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("sk-abcdefghijklmnopqrstuvwx")
                .satisfies(e -> {
                    String m = e.getMessage();
                    for (String bad : List.of("DEFAULT_LLM_PROVIDER='watson' is not a known LLM provider",
                            "AGENT_TIMEOUT='2h' is not a duration", "OPENAI_BASE_URL='ftp://example.com/v1' is not an http(s) URL",
                            "SCHEMA_REVIEWER_LLM_PROVIDER='bard' is not a known LLM provider",
                            "ORCHESTRATOR_LLM_PROVIDER='azure' is not a known LLM provider")) {
                        assertThat(m.split(java.util.regex.Pattern.quote(bad), -1)).as(bad + " once in: " + m).hasSize(2);
                    }
                });
    }

    @Test
    void theAgentsConfigurationIsResolvedWithTheSettings() throws IOException {
        Settings s = load(Map.of("OPENAI_API_KEY", "sk-abcdefghijklmnopqrstuvwx"), """
                DEFAULT_LLM_PROVIDER=openai
                OPENAI_MODEL=gpt-4
                OPENAI_BASE_URL=http://127.0.0.1:9/v1
                SCHEMA_REVIEWER_LLM_PROVIDER=anthropic
                AGENT_TIMEOUT=500ms
                LLM_MAX_RETRIES=0
                AGENT_MAX_RETRIES=1
                """);
        var resolved = s.llm().resolved();
        assertThat(resolved.defaultProvider().configured()).isTrue();
        assertThat(resolved.defaultProvider().model()).isEqualTo("gpt-4");
        assertThat(resolved.defaultProvider().baseUrl()).isEqualTo("http://127.0.0.1:9/v1");
        assertThat(resolved.forAgent(LlmAgent.SCHEMA_DESIGNER).provider()).isEqualTo(LlmProvider.OPENAI);
        assertThat(resolved.forAgent(LlmAgent.SCHEMA_REVIEWER).provider()).isEqualTo(LlmProvider.ANTHROPIC);
        assertThat(resolved.forAgent(LlmAgent.SCHEMA_REVIEWER).configured()).isFalse();
        assertThat(resolved.agentMaxRetries()).isEqualTo(1);
        assertThat(s.llm().agentTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.llm().llmMaxRetries()).isZero();
        assertThat(s.llm().agents().get("schema_reviewer").provider()).isEqualTo(LlmProvider.ANTHROPIC);
        assertThat(s.toString()).doesNotContain("sk-abcdefghijklmnopqrstuvwx");
    }

    @Test
    void secretValuesAreNeverEchoedAndSecretToStringHidesThem() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-abcdefghijklmnopqrstuvwx", "ENABLE_AUTH", "true",
                "API_PORT", "x");
        assertThatThrownBy(() -> load(env)).hasMessageNotContaining("sk-abcdefghijklmnopqrstuvwx");
        Settings s = load(Map.of("OPENAI_API_KEY", "sk-abcdefghijklmnopqrstuvwx"));
        assertThat(s.toString()).doesNotContain("sk-abcdefghijklmnopqrstuvwx");
        assertThat(s.secretValues()).containsExactly("sk-abcdefghijklmnopqrstuvwx");
    }

    @Test
    void authWithoutAnyCredentialIsRefused() {
        assertThatThrownBy(() -> load(Map.of("ENABLE_AUTH", "true")))
                .hasMessageContaining("ENABLE_AUTH=true needs API_KEY or JWT_SECRET_KEY");
        assertThat(load(Map.of("ENABLE_AUTH", "true", "API_KEY", "k-1234")).security().enableAuth()).isTrue();
    }

    @Test
    void sizesListsDurationsAndPortsParse() {
        Settings s = load(Map.of("MAX_JSON_SIZE", "512KB", "METRICS_PORT", "9464", "SHUTDOWN_TIMEOUT", "5",
                "SHUTDOWN_DELAY", "1.5", "CORS_ORIGINS", "https://a.example, https://b.example", "LOG_FORMAT", "JSON"));
        assertThat(s.input().maxJsonSize()).isEqualTo(512 * 1024);
        assertThat(s.metrics().separatePort()).isTrue();
        assertThat(s.metrics().port()).isEqualTo(9464);
        assertThat(s.server().shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.server().shutdownDelay()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.security().corsOrigins()).isEqualTo(List.of("https://a.example", "https://b.example"));
        assertThat(s.logging().json()).isTrue();
    }

    @Test
    void metricsPortEqualToTheApiPortMeansNoSecondListener() {
        Settings s = load(Map.of("API_PORT", "9000", "METRICS_PORT", "9000"));
        assertThat(s.metrics().separatePort()).isFalse();
    }

    @Test
    void aTemplateDirThatIsNotAFolderIsRefused() {
        assertThatThrownBy(() -> load(Map.of("TEMPLATE_DIR", dir.resolve("missing").toString())))
                .hasMessageContaining("TEMPLATE_DIR=");
        assertThat(load(Map.of("TEMPLATE_DIR", dir.toString())).templateDir()).isEqualTo(dir);
    }

    @Test
    void aMalformedDotEnvLineIsRefusedWithItsLineNumber() throws IOException {
        Files.writeString(dir.resolve(".env"), "APP_NAME=x\nthis is not an assignment\n");
        assertThatThrownBy(() -> load(Map.of())).isInstanceOf(ConfigurationException.class)
                .hasMessageEndingWith(".env:2: expected NAME=value");
    }

    @Test
    void rateLimitsAreWholeNumbersCheckedAtStartUp() {
        Settings s = load(Map.of("RATE_LIMIT_PUBLIC", "5", "RATE_LIMIT_AUTHENTICATED", "500",
                "RATE_LIMIT_GENERATION_PER_MINUTE", "3", "RATE_LIMIT_GENERATION_PER_HOUR", "30", "RATE_LIMIT_VALIDATION", "7"));
        assertThat(s.security().rateLimits()).isEqualTo(new Settings.RateLimits(5, 500, 3, 30, 7));
        assertThatThrownBy(() -> load(Map.of("RATE_LIMIT_PUBLIC", "20/minute", "RATE_LIMIT_VALIDATION", "0",
                "RATE_LIMIT_GENERATION_PER_HOUR", "-1")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("RATE_LIMIT_PUBLIC='20/minute' is not a whole number")
                .hasMessageContaining("RATE_LIMIT_VALIDATION=0 is out of range")
                .hasMessageContaining("RATE_LIMIT_GENERATION_PER_HOUR=-1 is out of range");
    }

    @Test
    void corsOriginsAreOriginsAndAWildcardNeverGoesWithCredentials() {
        assertThat(load(Map.of("CORS_ORIGINS", "https://app.example/, http://localhost:3000")).security().corsOrigins())
                .containsExactly("https://app.example", "http://localhost:3000");
        assertThatThrownBy(() -> load(Map.of("CORS_ORIGINS", "*")))
                .hasMessageContaining("CORS_ORIGINS='*' cannot be combined with CORS_ALLOW_CREDENTIALS=true");
        assertThat(load(Map.of("CORS_ORIGINS", "*", "CORS_ALLOW_CREDENTIALS", "false")).security().corsOrigins())
                .containsExactly("*");
        assertThatThrownBy(() -> load(Map.of("CORS_ORIGINS", "app.example, https://x.example/path")))
                .hasMessageContaining("CORS_ORIGINS has 'app.example', which is not an origin")
                .hasMessageContaining("CORS_ORIGINS has 'https://x.example/path', which is not an origin");
    }

    @Test
    void aJwtKeyShorterThanItsAlgorithmNeedsIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> load(Map.of("JWT_SECRET_KEY", "short-secret-value")))
                .hasMessageContaining("JWT_SECRET_KEY is shorter than the 32 bytes JWT_ALGORITHM=HS256 needs")
                .hasMessageNotContaining("short-secret-value");
        String k48 = "k".repeat(48);
        assertThat(load(Map.of("JWT_SECRET_KEY", k48, "JWT_ALGORITHM", "hs384")).security().jwtAlgorithm()).isEqualTo("HS384");
        assertThatThrownBy(() -> load(Map.of("JWT_SECRET_KEY", k48, "JWT_ALGORITHM", "HS512")))
                .hasMessageContaining("64 bytes JWT_ALGORITHM=HS512");
        assertThatThrownBy(() -> load(Map.of("JWT_SECRET_KEY", k48, "JWT_ALGORITHM", "none")))
                .hasMessageContaining("JWT_ALGORITHM='none' is not one of HS256, HS384, HS512");
    }

    @Test
    void forwardedAllowIpsAreAddressesOrAStar() {
        assertThat(load(Map.of("FORWARDED_ALLOW_IPS", "10.0.0.7, ::1")).security().forwardedAllowIps())
                .containsExactly("10.0.0.7", "0:0:0:0:0:0:0:1");
        assertThat(load(Map.of("FORWARDED_ALLOW_IPS", "*")).security().forwardedAllowIps()).containsExactly("*");
        assertThatThrownBy(() -> load(Map.of("FORWARDED_ALLOW_IPS", "10.0.0.0/8, proxy.internal")))
                .hasMessageContaining("FORWARDED_ALLOW_IPS has '10.0.0.0/8'")
                .hasMessageContaining("FORWARDED_ALLOW_IPS has 'proxy.internal'");
    }
}
