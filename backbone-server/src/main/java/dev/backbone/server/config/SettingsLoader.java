package dev.backbone.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds {@link Settings} from the contract's variable names. Values come from a lookup (the
 * process environment, or Spring's environment, which includes it) and then from {@code .env}:
 * the environment wins. Every problem is collected and reported in one line naming each
 * variable, so an operator fixes them all at once; secret values are never echoed.
 *
 * <p>Spring's relaxed binding is deliberately not used: the contract's names are exact, and
 * {@code DEBUG=true} must not switch on Spring's own debug mode.
 */
public final class SettingsLoader {

    /** Agents of the earlier BackBone's {@code .env.example} and ours; any other {@code X_LLM_PROVIDER} is read too. */
    static final List<String> KNOWN_AGENTS =
            List.of("ORCHESTRATOR", "SCHEMA_VALIDATOR", "ARCHITECT", "CODE_GENERATOR", "VALIDATOR", "SCHEMA_DESIGNER",
                    "SCHEMA_REVIEWER");

    private static final Pattern AGENT_PROVIDER = Pattern.compile("([A-Z][A-Z0-9_]*)_LLM_PROVIDER");

    private final Function<String, String> lookup;
    private final Set<String> names;
    private final Values v;

    private SettingsLoader(Function<String, String> lookup, Set<String> names) {
        this.lookup = lookup;
        this.names = names;
        this.v = new Values(this::raw);
    }

    /**
     * Loads settings.
     *
     * @param environment variables that win (the process environment or Spring's view of it)
     * @param environmentNames the names defined in {@code environment} (to discover {@code <AGENT>_LLM_PROVIDER})
     * @param dotEnvFile the {@code .env} file (absent is fine)
     * @throws ConfigurationException with one line naming every bad variable
     */
    public static Settings load(Function<String, String> environment, Set<String> environmentNames, Path dotEnvFile) {
        Map<String, String> dotEnv = DotEnv.load(dotEnvFile);
        Function<String, String> lookup = name -> {
            String value = environment.apply(name);
            return value != null ? value : dotEnv.get(name);
        };
        Set<String> names = new TreeSet<>(environmentNames);
        names.addAll(dotEnv.keySet());
        return new SettingsLoader(lookup, names).build();
    }

    /** From the process environment and {@code .env} in the working directory. */
    public static Settings fromProcess() {
        return load(System::getenv, System.getenv().keySet(), Path.of(".env"));
    }

    private String raw(String name) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Settings build() {
        Settings.App app = new Settings.App(
                v.string("APP_NAME", "BackBone-AI"),
                v.string("APP_VERSION", BuildInfo.current().version()),
                v.oneOf("APP_ENV", "development", List.of("development", "staging", "production")),
                v.bool("DEBUG", false));
        String level = v.oneOf("LOG_LEVEL", "INFO", List.of("DEBUG", "INFO", "WARNING", "WARN", "ERROR", "CRITICAL"))
                .toUpperCase(Locale.ROOT);
        Settings.Logging logging = new Settings.Logging(
                "WARN".equals(level) ? "WARNING" : level,
                v.oneOf("LOG_FORMAT", "text", List.of("text", "json")).toLowerCase(Locale.ROOT),
                Path.of(v.string("LOG_DIR", "logs")),
                v.size("LOG_MAX_FILE_SIZE", 10L * 1024 * 1024) + "",
                v.integer("LOG_RETENTION_DAYS", 30, 1, 3650));
        String portText = raw("API_PORT");
        Settings.Server server = new Settings.Server(
                v.string("API_HOST", "0.0.0.0"),
                v.port("API_PORT", 8000, false),
                portText != null,
                Duration.ofSeconds(v.integer("SHUTDOWN_TIMEOUT", 30, 0, 3600)),
                Duration.ofMillis(Math.round(v.decimal("SHUTDOWN_DELAY", 0, 0, 600) * 1000)));
        Settings.Metrics metrics = new Settings.Metrics(v.bool("ENABLE_METRICS", true), v.port("METRICS_PORT", 0, true));
        if (metrics.separatePort() && metrics.port() == server.port()) {
            metrics = new Settings.Metrics(true, 0);
        }
        Settings.Tracing tracing = new Settings.Tracing(
                v.bool("LANGCHAIN_TRACING_V2", false),
                v.secret("LANGCHAIN_API_KEY"),
                v.string("LANGCHAIN_PROJECT", "BackBone-AI"),
                v.url("LANGCHAIN_ENDPOINT", "https://api.smith.langchain.com"));
        Settings.Security security = security();
        Settings.Input input = new Settings.Input(
                v.size("MAX_JSON_SIZE", 10L * 1024 * 1024),
                v.integer("MAX_TABLES", 50, 1, 1_000_000),
                v.integer("MAX_COLUMNS_PER_TABLE", 100, 1, 1_000_000),
                v.integer("MAX_RELATIONSHIPS_PER_TABLE", 50, 0, 1_000_000),
                v.integer("MAX_STRING_LENGTH", 1000, 1, 100_000_000),
                v.integer("MAX_ARRAY_LENGTH", 100, 1, 100_000_000));
        Path outputDir = Path.of(v.string("OUTPUT_DIR", "./generated_projects"));
        Path templateDir = templateDir();
        Settings.Llm llm = llm();
        v.throwIfInvalid();
        return new Settings(app, logging, server, llm, metrics, tracing, security, input, outputDir, templateDir);
    }

    private Settings.Llm llm() {
        LlmProvider defaultProvider = v.provider("DEFAULT_LLM_PROVIDER", LlmProvider.OPENAI);
        Map<LlmProvider, Settings.Provider> providers = new EnumMap<>(LlmProvider.class);
        for (LlmProvider p : LlmProvider.values()) {
            Secret key = p.needsKey() ? v.secret(p.keyVariable()) : Secret.NONE;
            String baseUrl = v.url(p.baseUrlVariable(), p.defaultBaseUrl());
            providers.put(p, new Settings.Provider(p, key, v.string(p.modelVariable(), p.defaultModel()), baseUrl));
        }
        Map<String, Settings.Agent> agents = new LinkedHashMap<>();
        Set<String> agentNames = new TreeSet<>(KNOWN_AGENTS);
        for (String name : names) {
            Matcher m = AGENT_PROVIDER.matcher(name);
            if (m.matches() && !"DEFAULT".equals(m.group(1))) {
                agentNames.add(m.group(1));
            }
        }
        for (String agent : agentNames) {
            String providerVar = agent + "_LLM_PROVIDER";
            String modelVar = agent + "_MODEL";
            if (raw(providerVar) == null && raw(modelVar) == null) {
                continue;
            }
            LlmProvider p = v.provider(providerVar, defaultProvider);
            agents.put(agent.toLowerCase(Locale.ROOT), new Settings.Agent(agent.toLowerCase(Locale.ROOT), p,
                    v.string(modelVar, providers.get(p).model())));
        }
        return new Settings.Llm(defaultProvider, providers, agents,
                v.integer("AGENT_MAX_RETRIES", 3, 0, 100),
                v.duration("AGENT_TIMEOUT", Duration.ofSeconds(60)),
                v.integer("LLM_MAX_RETRIES", 2, 0, 100));
    }

    private Settings.Security security() {
        boolean auth = v.bool("ENABLE_AUTH", false);
        Secret apiKey = v.secret("API_KEY");
        Secret jwt = v.secret("JWT_SECRET_KEY");
        if (auth && !apiKey.isSet() && !jwt.isSet()) {
            v.problem("ENABLE_AUTH=true needs API_KEY or JWT_SECRET_KEY");
        }
        return new Settings.Security(auth, apiKey, jwt,
                v.oneOf("JWT_ALGORITHM", "HS256", List.of("HS256", "HS384", "HS512")).toUpperCase(Locale.ROOT),
                v.integer("JWT_EXPIRATION_HOURS", 24, 1, 24 * 366),
                v.bool("ENABLE_RATE_LIMITING", true),
                v.list("CORS_ORIGINS", List.of("http://localhost:3000", "http://localhost:8000")),
                v.bool("CORS_ALLOW_CREDENTIALS", true),
                v.bool("ENABLE_SECURITY_HEADERS", true));
    }

    private Path templateDir() {
        String dir = raw("TEMPLATE_DIR");
        if (dir == null) {
            return null;
        }
        Path p = Path.of(dir);
        if (!Files.isDirectory(p)) {
            v.problem("TEMPLATE_DIR='" + dir + "' is not a folder");
        }
        return p;
    }
}
