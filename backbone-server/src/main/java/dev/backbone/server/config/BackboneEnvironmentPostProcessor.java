package dev.backbone.server.config;

import dev.backbone.server.logging.SecretMasker;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Reads the contract's variables ({@link SettingsLoader}) before anything else starts and
 * translates them into the Spring properties that implement them (port, address, graceful
 * shutdown, logging, docs paths). The translation is explicit, one place, instead of relying
 * on relaxed binding: {@code API_PORT} means {@code server.port} because this class says so.
 *
 * <p>Also registers the secret values with the log masker, before logging is initialised.
 */
public final class BackboneEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Name of the property source holding the translated properties. */
    public static final String SOURCE = "backboneSettings";

    /** Key under which the {@link Settings} object itself sits in that source. */
    public static final String SETTINGS_KEY = "backbone.settings-object";

    /** Optional Spring property naming the {@code .env} file (tests); default {@code .env} in the working directory. */
    public static final String ENV_FILE_PROPERTY = "backbone.env-file";

    /** Loggers that are chatty below WARN; they follow LOG_LEVEL only when it is WARNING or stricter. */
    private static final List<String> CHATTY = List.of(
            "org.apache.catalina", "org.apache.coyote", "org.apache.tomcat", "org.springframework", "org.springdoc",
            "org.hibernate.validator", "io.swagger");

    @Override
    public int getOrder() {
        // After config data (application.properties, test properties) so they are visible.
        return Ordered.LOWEST_PRECEDENCE - 100;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Settings settings = SettingsLoader.load(name -> raw(env, name), names(env),
                Path.of(env.getProperty(ENV_FILE_PROPERTY, ".env")));
        SecretMasker.register(settings.secretValues());
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE, properties(settings, env)));
    }

    /** The Settings object placed in {@code env} by this processor. */
    public static Settings settings(ConfigurableEnvironment env) {
        PropertySource<?> source = env.getPropertySources().get(SOURCE);
        Object s = source == null ? null : source.getProperty(SETTINGS_KEY);
        if (s instanceof Settings settings) {
            return settings;
        }
        throw new IllegalStateException("BackBone settings were not loaded (is the environment post-processor registered?)");
    }

    /** The first source's value, unresolved: a secret containing {@code ${} must stay as written. */
    private static String raw(ConfigurableEnvironment env, String name) {
        for (PropertySource<?> ps : env.getPropertySources()) {
            Object v = ps.getProperty(name);
            if (v != null) {
                return v.toString();
            }
        }
        return null;
    }

    private static Set<String> names(ConfigurableEnvironment env) {
        Set<String> names = new LinkedHashSet<>();
        for (PropertySource<?> ps : env.getPropertySources()) {
            if (ps instanceof EnumerablePropertySource<?> e) {
                names.addAll(List.of(e.getPropertyNames()));
            }
        }
        return names;
    }

    static Map<String, Object> properties(Settings s, ConfigurableEnvironment env) {
        Map<String, Object> p = new HashMap<>();
        p.put(SETTINGS_KEY, s);
        // A test's server.port=0 / server.address stay unless API_PORT/API_HOST are given explicitly.
        if (s.server().portExplicit() || env.getProperty("server.port") == null) {
            p.put("server.port", s.server().port());
        }
        if (env.getProperty("API_HOST") != null || env.getProperty("server.address") == null) {
            p.put("server.address", s.server().host());
        }
        p.put("server.shutdown", "graceful");
        // A body refused for its size is read and discarded up to this much, so the client gets the 413 intact
        // instead of a connection reset mid-upload; anything bigger closes the connection.
        p.put("server.tomcat.max-swallow-size", Long.toString(s.input().maxJsonSize() + 1024 * 1024) + "B");
        // Tomcat's socket read timeout: a client that stops sending mid-body is answered 408 after this
        // (RequestBody), instead of holding a thread for Tomcat's default 60 s.
        p.put("server.tomcat.connection-timeout", s.server().requestReadTimeout().toMillis() + "ms");
        p.put("spring.lifecycle.timeout-per-shutdown-phase", s.server().shutdownTimeout().toMillis() + "ms");
        forwarded(s.security().forwardedAllowIps(), p);
        p.put("server.error.include-stacktrace", "never");
        p.put("server.error.include-message", "never");
        p.put("server.error.whitelabel.enabled", "false");
        p.put("spring.main.banner-mode", "off");
        p.put("spring.main.log-startup-info", "false");
        p.put("spring.jmx.enabled", "false");
        p.put("spring.mvc.problemdetails.enabled", "false");
        p.put("spring.web.resources.add-mappings", "false");
        // Spring reads `debug`/`trace` (and so the DEBUG variable) for its own debug mode; DEBUG is ours.
        p.put("debug", "false");
        p.put("trace", "false");
        logging(s, p);
        p.put("springdoc.api-docs.path", "/openapi.json");
        p.put("springdoc.swagger-ui.path", "/docs");
        p.put("springdoc.swagger-ui.url", "/openapi.json");
        p.put("springdoc.swagger-ui.disable-swagger-default-url", "true");
        p.put("springdoc.show-actuator", "false");
        p.put("backbone.metrics.enabled", Boolean.toString(s.metrics().enabled()));
        p.put("backbone.metrics.port", Integer.toString(s.metrics().separatePort() ? s.metrics().port() : 0));
        return p;
    }

    /**
     * {@code X-Forwarded-For}/{@code -Proto} are believed only from {@code FORWARDED_ALLOW_IPS} (Tomcat's
     * RemoteIpValve): the client address then is the one the proxy saw, which the rate limits key on.
     * From anyone else the headers are ignored, so a client cannot pick its own address.
     */
    static void forwarded(List<String> allowIps, Map<String, Object> p) {
        p.put("server.forward-headers-strategy", "native");
        String regex = allowIps.contains("*") ? ".*"
                : allowIps.isEmpty() ? "(?!)" : String.join("|", allowIps.stream().map(java.util.regex.Pattern::quote).toList());
        p.put("server.tomcat.remoteip.internal-proxies", regex);
        p.put("server.tomcat.remoteip.trusted-proxies", "");
        p.put("server.tomcat.remoteip.remote-ip-header", "X-Forwarded-For");
        p.put("server.tomcat.remoteip.protocol-header", "X-Forwarded-Proto");
    }

    private static void logging(Settings s, Map<String, Object> p) {
        p.put("logging.config", "classpath:backbone-logback.xml");
        p.put("backbone.log.dir", s.logging().dir().toString());
        p.put("backbone.log.format", s.logging().format());
        p.put("backbone.log.max-file-size", s.logging().maxFileSize());
        p.put("backbone.log.max-history", Integer.toString(s.logging().retentionDays()));
        String level = s.logging().logbackLevel();
        p.put("logging.level.root", level);
        boolean quietEnough = level.equals("WARN") || level.equals("ERROR");
        for (String chatty : CHATTY) {
            p.put("logging.level." + chatty, quietEnough ? level : "WARN");
        }
        p.put("logging.level.dev.backbone", s.app().debug() ? "DEBUG" : level);
        // A WARNING per unknown path or per start-up would drown real warnings.
        p.put("logging.level.org.springframework.web.servlet.PageNotFound", "ERROR");
        p.put("logging.level.org.springdoc.core.events", "ERROR");
        // Failed span exports: counted and told once a minute by the tracing package, not a stack trace each.
        p.put("logging.level.io.opentelemetry.exporter", "OFF");
        p.put("logging.level.io.opentelemetry.sdk.trace.export.BatchSpanProcessor", "OFF");
    }
}
