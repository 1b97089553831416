package dev.backbone.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileTest {

    @Test
    void parsesCommentsExportsQuotesAndTrailingComments() {
        Map<String, String> env = EnvFile.parse(List.of(
                "# LLM",
                "export DEFAULT_LLM_PROVIDER=anthropic",
                "ANTHROPIC_API_KEY=\"a b#c\"",
                "OPENAI_MODEL='gpt-4o'",
                "AGENT_TIMEOUT=30 # seconds",
                "not a pair",
                "  "));
        assertThat(env).containsExactlyInAnyOrderEntriesOf(Map.of(
                "DEFAULT_LLM_PROVIDER", "anthropic",
                "ANTHROPIC_API_KEY", "a b#c",
                "OPENAI_MODEL", "gpt-4o",
                "AGENT_TIMEOUT", "30"));
    }

    @Test
    void theProcessEnvironmentWinsAndAMissingFileIsNoValues(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, "DEFAULT_LLM_PROVIDER=google\nGOOGLE_MODEL=gemini-2.0-flash\n");

        Map<String, String> env = EnvFile.merged(file, Map.of("DEFAULT_LLM_PROVIDER", "ollama"));

        assertThat(env).containsEntry("DEFAULT_LLM_PROVIDER", "ollama").containsEntry("GOOGLE_MODEL", "gemini-2.0-flash");
        assertThat(EnvFile.merged(dir.resolve("absent"), Map.of("A", "1"))).isEqualTo(Map.of("A", "1"));
    }
}
