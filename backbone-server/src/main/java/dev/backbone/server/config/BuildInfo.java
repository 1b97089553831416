package dev.backbone.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What was built: the version Maven wrote into {@code backbone-server-build.properties}. It is
 * the default of {@code APP_VERSION} and is shown in {@code /health/detailed}.
 */
public record BuildInfo(String version, String javaVersion, String springBootVersion) {

    private static final BuildInfo CURRENT = load();

    public static BuildInfo current() {
        return CURRENT;
    }

    private static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/backbone-server-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = p.getProperty("version", "0.0.0");
        if (version.startsWith("${")) {
            version = "0.0.0";
        }
        String boot = org.springframework.boot.SpringBootVersion.getVersion();
        return new BuildInfo(version, System.getProperty("java.version"), boot == null ? "unknown" : boot);
    }
}
