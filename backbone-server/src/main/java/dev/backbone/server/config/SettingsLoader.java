package dev.backbone.server.config;

import dev.backbone.core.env.DotEnv;
import dev.backbone.core.env.DotEnvException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
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

    private static final Pattern ORIGIN = Pattern.compile("(?i)https?://(?:[a-z0-9.-]+|\\[[0-9a-f:.]+])(?::\\d{1,5})?/?");
    private static final Pattern IP_LITERAL = Pattern.compile("(?:\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final Function<String, String> lookup;
    private final Set<String> names;
    private final Values v;
    private final Predicate<Path> exists;
    /** Every name this loader looked up: the settings it knows ({@link SettingNames}). */
    private final Set<String> read = new TreeSet<>();

    private SettingsLoader(Function<String, String> lookup, Set<String> names, Predicate<Path> exists) {
        this.lookup = lookup;
        this.names = names;
        this.exists = exists;
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
        return load(environment, environmentNames, dotEnvFile, Files::exists);
    }

    /** As {@link #load(Function, Set, Path)}, with the file check that finds a container's marker files ({@link Container}). */
    static Settings load(Function<String, String> environment, Set<String> environmentNames, Path dotEnvFile,
            Predicate<Path> exists) {
        Map<String, String> dotEnv = dotEnv(dotEnvFile);
        Set<String> names = new TreeSet<>(environmentNames);
        names.addAll(dotEnv.keySet());
        return new SettingsLoader(lookup(environment, dotEnv), names, exists).build();
    }

    /** The names a load looks up when nothing is set: every fixed setting name (see {@link SettingNames}). */
    static Set<String> namesRead() {
        SettingsLoader loader = new SettingsLoader(n -> null, Set.of(), p -> false);
        loader.build();
        return java.util.Collections.unmodifiableSet(loader.read);
    }

    /**
     * What {@code serve} reads for a variable: the environment's value, else the {@code .env} file's
     * (read with the one grammar of {@link DotEnv}, as the CLI's commands read it).
     *
     * @throws ConfigurationException naming the file and line of a line that is not an assignment
     */
    public static Function<String, String> variables(Function<String, String> environment, Path dotEnvFile) {
        return lookup(environment, dotEnv(dotEnvFile));
    }

    private static Function<String, String> lookup(Function<String, String> environment, Map<String, String> dotEnv) {
        return name -> {
            String value = environment.apply(name);
            return value != null ? value : dotEnv.get(name);
        };
    }

    private static Map<String, String> dotEnv(Path file) {
        try {
            return DotEnv.load(file);
        } catch (DotEnvException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    /** From the process environment and {@code .env} in the working directory. */
    public static Settings fromProcess() {
        return load(System::getenv, System.getenv().keySet(), Path.of(".env"));
    }

    private String raw(String name) {
        read.add(name);
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Settings build() {
        Settings.App app = new Settings.App(
                v.string("APP_NAME", "BackBone-AI"),
                v.string("APP_VERSION", BuildInfo.current().version()),
                v.oneOf("APP_ENV", Container.evidence(this::raw, exists) != null ? "production" : "development",
                        List.of("development", "staging", "production")),
                v.bool("DEBUG", false));
        String level = v.oneOf("LOG_LEVEL", "INFO", List.of("DEBUG", "INFO", "WARNING", "WARN", "ERROR", "CRITICAL"))
                .toUpperCase(Locale.ROOT);
        Settings.Logging logging = new Settings.Logging(
                "WARN".equals(level) ? "WARNING" : level,
                v.oneOf("LOG_FORMAT", "text", List.of("text", "json")).toLowerCase(Locale.ROOT),
                Path.of(v.string("LOG_DIR", "logs")),
                v.size("LOG_MAX_FILE_SIZE", 10L * 1024 * 1024) + "",
                v.integer("LOG_RETENTION_DAYS", 30, 1, 3650),
                v.bool("LOG_HEALTH_REQUESTS", true));
        String portText = raw("API_PORT");
        Settings.Server server = new Settings.Server(
                v.string("API_HOST", "0.0.0.0"),
                v.port("API_PORT", 8000, false),
                portText != null,
                Duration.ofSeconds(v.integer("SHUTDOWN_TIMEOUT", 30, 0, 3600)),
                Duration.ofMillis(Math.round(v.decimal("SHUTDOWN_DELAY", 0, 0, 600) * 1000)),
                v.duration("REQUEST_READ_TIMEOUT", Duration.ofSeconds(20)));
        Settings.Metrics metrics = new Settings.Metrics(v.bool("ENABLE_METRICS", true), v.port("METRICS_PORT", 0, true));
        if (metrics.separatePort() && metrics.port() == server.port()) {
            metrics = new Settings.Metrics(true, 0);
        }
        Settings.Tracing tracing = tracing();
        Settings.Security security = security(app.environment());
        Settings.Input input = new Settings.Input(
                v.size("MAX_JSON_SIZE", 10L * 1024 * 1024),
                v.integer("MAX_TABLES", 50, 1, 1_000_000),
                v.integer("MAX_COLUMNS_PER_TABLE", 100, 1, 1_000_000),
                v.integer("MAX_RELATIONSHIPS_PER_TABLE", 50, 0, 1_000_000),
                v.integer("MAX_STRING_LENGTH", 1000, 1, 100_000_000),
                v.integer("MAX_ARRAY_LENGTH", 100, 1, 100_000_000));
        Path outputDir = Path.of(v.string("OUTPUT_DIR", "./generated_projects"));
        Path templateDir = templateDir();
        Settings.Llm llm = LlmSettingsLoader.load(v, this::raw, names);
        ScaleOut scaleOut = ScaleOutLoader.load(v);
        v.throwIfInvalid();
        return new Settings(app, logging, server, llm, metrics, tracing, security, input, outputDir, templateDir, scaleOut);
    }

    /**
     * Only the tracing variables (for the CLI's commands, which trace like the service but must
     * not fail on a bad {@code API_PORT}).
     *
     * @throws ConfigurationException naming each bad tracing variable
     */
    public static Settings.Tracing loadTracing(Function<String, String> environment, Set<String> environmentNames,
            Path dotEnvFile) {
        Map<String, String> dotEnv = dotEnv(dotEnvFile);
        Set<String> names = new TreeSet<>(environmentNames);
        names.addAll(dotEnv.keySet());
        SettingsLoader loader = new SettingsLoader(lookup(environment, dotEnv), names, Files::exists);
        Settings.Tracing t = loader.tracing();
        loader.v.throwIfInvalid();
        return t;
    }

    /** The OTLP protocols the exporter on the class path speaks. */
    private static final List<String> OTLP_PROTOCOLS = List.of("http/protobuf");

    private Settings.Tracing tracing() {
        Map<String, String> otel = new java.util.TreeMap<>();
        for (String name : names) {
            String value = name.startsWith("OTEL_") ? raw(name) : null;
            if (value != null) {
                otel.put(name, value);
            }
        }
        for (String endpoint : List.of("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")) {
            if (otel.containsKey(endpoint)) {
                v.url(endpoint, null);
            }
        }
        for (String protocol : List.of("OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL")) {
            if (otel.containsKey(protocol)) {
                v.oneOf(protocol, "http/protobuf", OTLP_PROTOCOLS);
            }
        }
        return new Settings.Tracing(
                v.bool("LANGCHAIN_TRACING_V2", false),
                v.secret("LANGCHAIN_API_KEY"),
                v.string("LANGCHAIN_PROJECT", "BackBone-AI"),
                v.url("LANGCHAIN_ENDPOINT", "https://api.smith.langchain.com"),
                v.bool("LANGCHAIN_HIDE_INPUTS", false),
                v.bool("LANGCHAIN_HIDE_OUTPUTS", false),
                otel);
    }

    private Settings.Security security(String environment) {
        boolean auth = v.bool("ENABLE_AUTH", false);
        Secret apiKey = v.secret("API_KEY");
        Secret jwt = v.secret("JWT_SECRET_KEY");
        if (auth && !apiKey.isSet() && !jwt.isSet()) {
            v.problem("ENABLE_AUTH=true needs API_KEY or JWT_SECRET_KEY");
        }
        String algorithm = v.oneOf("JWT_ALGORITHM", "HS256", List.of("HS256", "HS384", "HS512")).toUpperCase(Locale.ROOT);
        int minKeyBytes = Integer.parseInt(algorithm.substring(2)) / 8;
        if (jwt.isSet() && jwt.value().strip().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < minKeyBytes) {
            // RFC 7518 3.2: an HMAC key at least as long as the hash; a shorter one can be brute-forced offline.
            v.problem("JWT_SECRET_KEY is shorter than the " + minKeyBytes + " bytes JWT_ALGORITHM=" + algorithm
                    + " needs (RFC 7518); use a random value, e.g. `openssl rand -hex 32`");
        }
        Settings.RateLimits d = "development".equals(environment) ? Settings.RateLimits.DEVELOPMENT
                : Settings.RateLimits.DEFAULTS;
        Settings.RateLimits limits = new Settings.RateLimits(
                v.integer("RATE_LIMIT_PUBLIC", d.publicPerMinute(), 1, 1_000_000),
                v.integer("RATE_LIMIT_AUTHENTICATED", d.authenticatedPerMinute(), 1, 1_000_000),
                v.integer("RATE_LIMIT_GENERATION_PER_MINUTE", d.generationPerMinute(), 1, 1_000_000),
                v.integer("RATE_LIMIT_GENERATION_PER_HOUR", d.generationPerHour(), 1, 1_000_000),
                v.integer("RATE_LIMIT_VALIDATION", d.validationPerMinute(), 1, 1_000_000));
        List<String> origins = corsOrigins();
        boolean credentials = v.bool("CORS_ALLOW_CREDENTIALS", true);
        if (origins.contains("*") && credentials) {
            v.problem("CORS_ORIGINS='*' cannot be combined with CORS_ALLOW_CREDENTIALS=true (browsers refuse it, and it "
                    + "would let any site call the API with the user's credentials); list the origins or set "
                    + "CORS_ALLOW_CREDENTIALS=false");
        }
        return new Settings.Security(auth, apiKey, jwt, algorithm,
                v.integer("JWT_EXPIRATION_HOURS", 24, 1, 24 * 366),
                v.bool("ENABLE_RATE_LIMITING", true),
                limits,
                origins,
                credentials,
                v.bool("ENABLE_SECURITY_HEADERS", true),
                forwardedAllowIps());
    }

    /** {@code CORS_ORIGINS}: none by default; each an origin ({@code scheme://host[:port]}, no path) or {@code *}. */
    private List<String> corsOrigins() {
        List<String> origins = v.list("CORS_ORIGINS", List.of());
        for (String o : origins) {
            if (!o.equals("*") && !ORIGIN.matcher(o).matches()) {
                v.problem("CORS_ORIGINS has '" + o + "', which is not an origin (scheme://host[:port], no path, e.g. "
                        + "https://app.example.com)");
            }
        }
        return origins.stream().map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o).toList();
    }

    /** {@code FORWARDED_ALLOW_IPS}: addresses (IPv4 or IPv6 literals) or {@code *}; default the loopback addresses. */
    private List<String> forwardedAllowIps() {
        List<String> ips = v.list("FORWARDED_ALLOW_IPS", List.of("127.0.0.1", "::1"));
        List<String> out = new java.util.ArrayList<>();
        for (String ip : ips) {
            if (ip.equals("*")) {
                out.add(ip);
                continue;
            }
            try {
                // A literal only (the pattern admits digits, dots, colons, hex): no name lookup happens.
                if (IP_LITERAL.matcher(ip).matches()) {
                    out.add(java.net.InetAddress.getByName(ip).getHostAddress());
                    continue;
                }
            } catch (java.net.UnknownHostException e) {
                // reported below
            }
            v.problem("FORWARDED_ALLOW_IPS has '" + ip + "', which is not an IP address or * (networks in CIDR "
                    + "notation are not supported)");
        }
        return out;
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
