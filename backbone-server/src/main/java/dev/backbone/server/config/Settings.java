package dev.backbone.server.config;

import dev.backbone.agents.llm.LlmProvider;
import dev.backbone.agents.llm.LlmSettings;
import dev.backbone.core.validate.Limits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every setting of the service, parsed and checked once at start-up from the environment and
 * {@code .env} (see {@link SettingsLoader}; names in {@code docs/configuration.md}). Immutable:
 * components get what they need from here instead of reading variables themselves, so a bad
 * value is caught before the port opens rather than on the first request that needs it.
 */
public record Settings(
        App app,
        Logging logging,
        Server server,
        Llm llm,
        Metrics metrics,
        Tracing tracing,
        Security security,
        Input input,
        Path outputDir,
        Path templateDir,
        ScaleOut scaleOut) {

    public Settings {
        Objects.requireNonNull(app);
        Objects.requireNonNull(logging);
        Objects.requireNonNull(server);
        Objects.requireNonNull(llm);
        Objects.requireNonNull(metrics);
        Objects.requireNonNull(tracing);
        Objects.requireNonNull(security);
        Objects.requireNonNull(input);
        Objects.requireNonNull(outputDir);
        Objects.requireNonNull(scaleOut);
    }

    /** {@code APP_NAME}, {@code APP_VERSION}, {@code APP_ENV}, {@code DEBUG}. */
    public record App(String name, String version, String environment, boolean debug) {}

    /**
     * {@code LOG_LEVEL} (guide names), {@code LOG_FORMAT} text|json, {@code LOG_DIR}, rotation;
     * {@code LOG_HEALTH_REQUESTS} false silences the access lines of {@code /health*} probes.
     */
    public record Logging(String level, String format, Path dir, String maxFileSize, int retentionDays,
            boolean healthRequests) {

        /** The Logback level for {@link #level()}: WARNING is WARN, CRITICAL is ERROR. */
        public String logbackLevel() {
            return switch (level) {
                case "WARNING" -> "WARN";
                case "CRITICAL" -> "ERROR";
                default -> level;
            };
        }

        public boolean json() {
            return "json".equals(format);
        }
    }

    /** {@code API_HOST}, {@code API_PORT}; graceful shutdown: {@code SHUTDOWN_TIMEOUT}, {@code SHUTDOWN_DELAY}. */
    /**
     * @param requestReadTimeout how long a read of the request (headers or body) may wait for the
     *     client's next bytes before the request is answered 408 ({@code REQUEST_READ_TIMEOUT})
     */
    public record Server(String host, int port, boolean portExplicit, Duration shutdownTimeout, Duration shutdownDelay,
            Duration requestReadTimeout) {}

    /**
     * LLM configuration: the default provider, each provider's key/model, the per-agent
     * overrides ({@code <AGENT>_LLM_PROVIDER}, {@code <AGENT>_MODEL}), retries and timeouts.
     *
     * @param resolved the same configuration as the LLM agents read it (the {@code Agents} bean is built from it)
     */
    public record Llm(
            LlmProvider defaultProvider,
            Map<LlmProvider, Provider> providers,
            Map<String, Agent> agents,
            int agentMaxRetries,
            Duration agentTimeout,
            int llmMaxRetries,
            LlmSettings resolved) {

        public Llm {
            providers = Map.copyOf(providers);
            agents = Map.copyOf(agents);
            Objects.requireNonNull(resolved, "resolved");
        }

        public Provider provider(LlmProvider p) {
            return providers.get(p);
        }

        /** The provider every agent without an override uses. */
        public Provider defaultSettings() {
            return providers.get(defaultProvider);
        }
    }

    /** One provider: its key ({@link Secret#NONE} for ollama), model and base URL ({@code <P>_BASE_URL}). */
    public record Provider(LlmProvider provider, Secret apiKey, String model, String baseUrl) {

        public boolean configured() {
            return !provider.needsKey() || apiKey.isSet();
        }
    }

    /** An agent's own provider and model, when {@code <AGENT>_LLM_PROVIDER}/{@code <AGENT>_MODEL} are set. */
    public record Agent(String name, LlmProvider provider, String model) {}

    /** {@code ENABLE_METRICS}; {@code METRICS_PORT}, 0 when unset (no second listener). */
    public record Metrics(boolean enabled, int port) {

        public boolean separatePort() {
            return enabled && port > 0;
        }
    }

    /**
     * Tracing: LangSmith ({@code LANGCHAIN_TRACING_V2}, {@code LANGCHAIN_API_KEY}, {@code LANGCHAIN_PROJECT},
     * {@code LANGCHAIN_ENDPOINT}, {@code LANGCHAIN_HIDE_INPUTS}/{@code _OUTPUTS}) and any OpenTelemetry
     * collector through the standard {@code OTEL_*} variables, kept as given (environment over {@code .env})
     * for the SDK's own configuration to read.
     *
     * @param enabled {@code LANGCHAIN_TRACING_V2}
     * @param otel every {@code OTEL_*} variable, by name
     */
    public record Tracing(boolean enabled, Secret apiKey, String project, String endpoint, boolean hideInputs,
            boolean hideOutputs, Map<String, String> otel) {

        public Tracing {
            otel = Map.copyOf(otel);
        }

        /** Spans go to LangSmith: {@code LANGCHAIN_TRACING_V2=true} and a key. */
        public boolean langSmith() {
            return enabled && apiKey.isSet();
        }

        /** Spans go to an OTLP collector: an {@code OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT}, not switched off. */
        public boolean collector() {
            boolean endpoint = otel.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT") || otel.containsKey("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
            return endpoint && !"none".equalsIgnoreCase(otel.getOrDefault("OTEL_TRACES_EXPORTER", "otlp").strip())
                    && !"true".equalsIgnoreCase(otel.getOrDefault("OTEL_SDK_DISABLED", "false").strip());
        }

        /** Any exporter: otherwise no SDK is built and tracing costs nothing. */
        public boolean on() {
            return langSmith() || collector();
        }
    }

    /**
     * The security guide's names: auth, JWT, rate limiting, CORS, security headers; plus
     * {@code FORWARDED_ALLOW_IPS}, the proxies whose {@code X-Forwarded-For} names the client
     * (uvicorn's variable, which the earlier BackBone's deployments already set).
     */
    public record Security(
            boolean enableAuth,
            Secret apiKey,
            Secret jwtSecretKey,
            String jwtAlgorithm,
            int jwtExpirationHours,
            boolean enableRateLimiting,
            RateLimits rateLimits,
            List<String> corsOrigins,
            boolean corsAllowCredentials,
            boolean enableSecurityHeaders,
            List<String> forwardedAllowIps) {

        public Security {
            Objects.requireNonNull(rateLimits);
            corsOrigins = List.copyOf(corsOrigins);
            forwardedAllowIps = List.copyOf(forwardedAllowIps);
        }

        /** True when a client can prove who it is (an API key or a JWT signing key is configured). */
        public boolean credentialsConfigured() {
            return apiKey.isSet() || jwtSecretKey.isSet();
        }
    }

    /**
     * Requests allowed per client: {@code RATE_LIMIT_PUBLIC} (per minute, clients without a
     * credential, by IP), {@code RATE_LIMIT_AUTHENTICATED} (per minute, by API key or JWT subject),
     * {@code RATE_LIMIT_GENERATION_PER_MINUTE} and {@code _PER_HOUR}, {@code RATE_LIMIT_VALIDATION}
     * (per minute). The route limits apply on top of the client's general one.
     */
    public record RateLimits(int publicPerMinute, int authenticatedPerMinute, int generationPerMinute,
            int generationPerHour, int validationPerMinute) {

        /** The contract's numbers: staging and production (and so every container, see {@code Container}). */
        public static final RateLimits DEFAULTS = new RateLimits(20, 100, 10, 50, 50);

        /**
         * {@code APP_ENV=development}: one developer on their own machine, following docs/api.md
         * or running a script, should never meet a 429; a runaway loop still does.
         */
        public static final RateLimits DEVELOPMENT = new RateLimits(1000, 1000, 120, 2000, 1000);
    }

    /** The input limits of the security guide; {@link #toLimits()} gives the engine's view. */
    public record Input(
            long maxJsonSize,
            int maxTables,
            int maxColumnsPerTable,
            int maxRelationshipsPerTable,
            int maxStringLength,
            int maxArrayLength) {

        public Limits toLimits() {
            return new Limits(maxTables, maxColumnsPerTable, maxRelationshipsPerTable, maxStringLength, maxArrayLength);
        }
    }

    /** Every configured secret value, for log redaction (the OTLP header values included: they hold collector tokens). */
    public List<String> secretValues() {
        java.util.stream.Stream<Secret> headers = tracing.otel().entrySet().stream()
                .filter(e -> e.getKey().startsWith("OTEL_EXPORTER_OTLP") && e.getKey().endsWith("HEADERS"))
                .flatMap(e -> java.util.Arrays.stream(e.getValue().split(",")))
                .map(pair -> new Secret(pair.contains("=") ? pair.substring(pair.indexOf('=') + 1).strip() : ""));
        return java.util.stream.Stream.concat(java.util.stream.Stream.concat(
                        llm.providers().values().stream().map(Provider::apiKey),
                        java.util.stream.Stream.of(tracing.apiKey(), security.apiKey(), security.jwtSecretKey(),
                                scaleOut.rateLimitRedis(), scaleOut.jobsRedis())), headers)
                .filter(Secret::isSet)
                .map(Secret::value)
                .toList();
    }
}
