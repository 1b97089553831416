package dev.backbone.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Near-miss and unknown setting names, and the list of known ones. */
class SettingNamesTest {

    @Test
    void aTypoOnTheCommandLineGetsTheNearestName() {
        assertThat(SettingNames.warnings(List.of("LOG_LEVL"), List.of(), List.of())).containsExactly(
                "unknown setting LOG_LEVL on the command line: did you mean LOG_LEVEL? It is ignored (the settings are"
                        + " listed in docs/configuration.md).");
        assertThat(SettingNames.nearest("ENABLE_RATE_LIMTING")).isEqualTo("ENABLE_RATE_LIMITING");
        assertThat(SettingNames.nearest("OPENAI_MODLE")).isEqualTo("OPENAI_MODEL");
        assertThat(SettingNames.nearest("API_PROT")).isEqualTo("API_PORT");
        assertThat(SettingNames.nearest("log_level")).isEqualTo("LOG_LEVEL");
    }

    @Test
    void anythingUnknownOnTheCommandLineIsWarnedEvenWithoutASuggestion() {
        assertThat(SettingNames.warnings(List.of("COLOUR"), List.of(), List.of())).containsExactly(
                "unknown setting COLOUR on the command line. It is ignored (the settings are listed in docs/configuration.md).");
    }

    @Test
    void theEnvironmentAndDotEnvWarnOnlyNearMissesAndBackboneNames() {
        List<String> w = SettingNames.warnings(List.of(), List.of("DATABASE_URL", "API_PROT"),
                List.of("PATH", "HOME", "HOSTNAME", "JAVA_HOME", "TERM", "LANG", "SHLVL", "BACKBONE_FOO", "LOG_FROMAT"));
        assertThat(w).containsExactly(
                "unknown setting API_PROT in .env: did you mean API_PORT? It is ignored (the settings are listed in docs/configuration.md).",
                "unknown setting BACKBONE_FOO in the environment. It is ignored (the settings are listed in docs/configuration.md).",
                "unknown setting LOG_FROMAT in the environment: did you mean LOG_FORMAT? It is ignored (the settings are listed in"
                        + " docs/configuration.md).");
    }

    /** An earlier BackBone's .env (names docs/configuration.md says are ignored) and other tools' names stay quiet. */
    @Test
    void namesThatAreNotOursButNoTyposAreQuietOutsideTheCommandLine() {
        List<String> legacy = List.of("API_RELOAD", "API_WORKERS", "OPENAI_TEMPERATURE", "ANTHROPIC_TEMPERATURE",
                "DATABASE_URL", "GF_SECURITY_ADMIN_PASSWORD", "MAVEN_OPTS", "NODE_OPTIONS", "PYTHONPATH");
        assertThat(SettingNames.warnings(List.of(), legacy, legacy)).isEmpty();
    }

    @Test
    void knownNamesAndPatternsAreNeverWarned() {
        List<String> names = List.of("LOG_LEVEL", "API_PORT", "APP_ENV", "OPENAI_API_KEY", "ANTHROPIC_MODEL",
                "SCHEMA_DESIGNER_LLM_PROVIDER", "MY_AGENT_LLM_PROVIDER", "ARCHITECT_MODEL", "BACKBONE_DEBUG",
                "BACKBONE_TEST_FAULTS", "KUBERNETES_SERVICE_HOST");
        assertThat(SettingNames.warnings(names, names, names)).isEmpty();
    }

    /** Every variable docs/configuration.md documents (a `NAME` in the first column of its tables) is known. */
    @Test
    void everyDocumentedSettingIsKnown() throws IOException {
        String docs = Files.readString(Examples.root().resolve("docs/configuration.md"));
        Matcher m = Pattern.compile("(?m)^\\| `([A-Z][A-Z0-9_]+)`").matcher(docs);
        Set<String> documented = new TreeSet<>();
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(documented).hasSizeGreaterThan(30);
        assertThat(documented).allSatisfy(n -> assertThat(SettingNames.isKnown(n)).as(n).isTrue());
    }

    @Test
    void theKnownNamesAreTheLoadersLookUps() {
        assertThat(SettingNames.known()).contains("LOG_LEVEL", "RATE_LIMIT_PUBLIC", "MAX_JSON_SIZE", "DEFAULT_LLM_PROVIDER",
                "OPENAI_API_KEY", "GOOGLE_MODEL", "LANGCHAIN_TRACING_V2", "TEMPLATE_DIR", "SHUTDOWN_TIMEOUT");
    }

    @Test
    void transpositionsCountOnce() {
        assertThat(SettingNames.distance("LOG_LEVLE", "LOG_LEVEL")).isEqualTo(1);
        assertThat(SettingNames.distance("ABC", "ABC")).isZero();
        assertThat(SettingNames.distance("", "ABC")).isEqualTo(3);
    }
}
