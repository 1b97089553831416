package dev.backbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command-line conventions of issue 15: versions, suggestions, JSON errors, help text, colours. */
class ConventionsTest {

    private static final String[] COMMANDS = {"validate", "plan", "diagram", "generate", "design", "review", "serve", "token",
        "version", "completion"};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    @Test
    void everyCommandAnswersVersionOptions() {
        for (String cmd : COMMANDS) {
            for (String flag : new String[] {"--version", "-V"}) {
                CliRunner.Run r = CliRunner.run(cmd, flag);
                assertThat(r.exit()).as(cmd + " " + flag).isZero();
                assertThat(r.out().strip()).as(cmd + " " + flag).matches("BackBone-AI \\d+\\.\\d+\\.\\d+.*");
            }
        }
    }

    @Test
    void aMistypedCommandIsNamedWithTheNearestCommand() {
        CliRunner.Run r = CliRunner.run("valdiate", "x.json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("backbone-ai: unknown command 'valdiate'; did you mean validate?\n")
                .contains("Try 'backbone-ai --help'");
        assertThat(CliRunner.run("genrate").err()).contains("unknown command 'genrate'; did you mean generate?");
        assertThat(CliRunner.run("frobnicate").err()).contains("unknown command 'frobnicate'").doesNotContain("did you mean");
    }

    @Test
    void aMistypedOptionIsNamedWithTheNearestOption() {
        CliRunner.Run r = CliRunner.run("validate", "--schmea", "x.json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("backbone-ai: unknown option '--schmea'; did you mean --schema?\n")
                .contains("Try 'backbone-ai validate --help'");
        CliRunner.Run g = CliRunner.run("generate", CliRunner.example("blog_schema.json").toString(), "--ouput", tmp.resolve("x").toString());
        assertThat(g.exit()).isEqualTo(2);
        assertThat(g.err()).contains("unknown option '--ouput'; did you mean --output?").doesNotContain("Missing required");
        assertThat(CliRunner.run("generate", "--verfy=none").err()).contains("unknown option '--verfy'; did you mean --verify?");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void jsonErrorsAreAJsonObjectOnStandardOutputWithTheSameExitCode() throws Exception {
        CliRunner.Run missing = CliRunner.run("validate", tmp.resolve("nope.json").toString(), "--json");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEmpty();
        JsonNode j = JSON.readTree(missing.out());
        assertThat(j.get("status").asString()).isEqualTo("error");
        assertThat(j.get("error").asString()).isEqualTo("input");
        assertThat(j.get("message").asString()).isEqualTo("cannot read " + tmp.resolve("nope.json") + ": no such file");
        assertThat(j.get("exit_code").asInt()).isEqualTo(2);

        CliRunner.Run usage = CliRunner.run("generate", "--json", "--bogus");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).isEmpty();
        JsonNode u = JSON.readTree(usage.out());
        assertThat(u.get("error").asString()).isEqualTo("usage");
        assertThat(u.get("message").asString()).isEqualTo("unknown option '--bogus'");

        Path out = tmp.resolve("existing");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "mine");
        CliRunner.Run exists = CliRunner.run("generate", CliRunner.example("blog_schema.json").toString(), "-o", out.toString(), "--json");
        assertThat(exists.exit()).isEqualTo(2);
        assertThat(JSON.readTree(exists.out()).get("error").asString()).isEqualTo("output");
        assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("mine");

        CliRunner.Run plan = CliRunner.run("plan", "--json", tmp.toString());
        assertThat(plan.exit()).isEqualTo(2);
        assertThat(JSON.readTree(plan.out()).get("message").asString()).contains("it is a directory");
    }

    @Test
    void theCommandListHasWholeSentences() {
        CliRunner.Run r = CliRunner.run("--help");
        assertThat(r.exit()).isZero();
        Map<String, String> descriptions = commandDescriptions(r.out());
        assertThat(descriptions.keySet()).containsExactly("validate", "plan", "diagram", "generate", "diff", "design", "review", "serve",
                "token", "version", "completion", "help");
        descriptions.forEach((cmd, d) -> assertThat(d).as(cmd).matches("[A-Z].*[.]"));
        assertThat(descriptions.get("plan")).endsWith("relationships and mixins.");
        assertThat(descriptions.get("design")).endsWith("until it is valid or AGENT_MAX_RETRIES runs out.");
        assertThat(r.out()).contains("Exit codes:", "  2   usage, configuration or I/O error");
    }

    @Test
    void planHelpIsOneParagraphWithTheExitCodes() {
        String before = System.getProperty("picocli.usage.width");
        System.setProperty("picocli.usage.width", "300");
        try {
            CliRunner.Run r = CliRunner.run("plan", "--help");
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("\nPrints the architecture plan of a valid schema: build order, deferred foreign keys, "
                    + "and per table its class, module, columns, dependencies, relationships and mixins.\n");
            assertThat(r.out()).contains("Exit codes:\n  0   the schema is valid and planned\n  1   the schema is invalid\n"
                    + "  2   usage or I/O error\n");
        } finally {
            if (before == null) {
                System.clearProperty("picocli.usage.width");
            } else {
                System.setProperty("picocli.usage.width", before);
            }
        }
        for (String cmd : COMMANDS) {
            assertThat(CliRunner.run(cmd, "--help").out()).as(cmd).contains("Exit codes:");
        }
    }

    @Test
    void serveHelpPrintsHelpWithTheExitCodes() {
        CliRunner.Run r = CliRunner.run("serve", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: backbone-ai serve", "0   stopped after a clean shutdown (SIGTERM, Ctrl-C)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void severitiesAreColouredOnATerminalOnly() throws Exception {
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, "{\"project_name\": \"X\", \"db_type\": \"sqlite\", \"schema\": [{\"table_name\": \"a\", \"class_name\": \"A\", \"columns\": []}]}");
        CliRunner.Run tty = CliRunner.run(new Terminal(true, true, true, true), "validate", f.toString());
        assertThat(tty.exit()).isEqualTo(1);
        assertThat(tty.out()).contains(": \033[1;31merror\033[0m: ");
        CliRunner.Run plain = CliRunner.run("validate", f.toString());
        assertThat(plain.out()).contains(": error: ").doesNotContain("\033[");
        CliRunner.Run noColour = CliRunner.run(new Terminal(true, true, false, false), "validate", f.toString());
        assertThat(noColour.out()).isEqualTo(plain.out());
    }

    @Test
    void colourNeedsATerminalAndNoNoColor() {
        assertThat(Terminal.detect(Map.of(), "true", "true", false)).isEqualTo(new Terminal(true, true, true, true));
        assertThat(Terminal.detect(Map.of("NO_COLOR", "1"), "true", "true", false).colour()).isFalse();
        assertThat(Terminal.detect(Map.of("NO_COLOR", ""), "true", "true", false).colour()).isTrue();
        assertThat(Terminal.detect(Map.of("TERM", "dumb"), "true", "true", false).colour()).isFalse();
        assertThat(Terminal.detect(Map.of(), "false", "false", true)).isEqualTo(Terminal.PLAIN);
        assertThat(Terminal.detect(Map.of(), "false", "true", false)).isEqualTo(new Terminal(false, true, false, true));
        assertThat(Terminal.detect(Map.of(), null, null, true)).isEqualTo(new Terminal(true, true, true, true));
        assertThat(Terminal.detect(Map.of(), null, null, false)).isEqualTo(Terminal.PLAIN);
    }

    @Test
    void completionScriptCoversTheCommandsAndRefusesOtherShells() {
        CliRunner.Run bash = CliRunner.run("completion", "bash");
        assertThat(bash.exit()).isZero();
        assertThat(bash.out()).contains("complete -F _complete_backbone-ai", "bashcompinit");
        for (String cmd : COMMANDS) {
            assertThat(bash.out()).as(cmd).contains(cmd);
        }
        assertThat(CliRunner.run("completion", "zsh").out()).isEqualTo(bash.out());
        CliRunner.Run fish = CliRunner.run("completion", "fish");
        assertThat(fish.exit()).isEqualTo(2);
        assertThat(fish.err()).contains("unknown shell 'fish'; available: bash, zsh");
    }

    @Test
    void nearestNamesByEditDistance() {
        assertThat(UsageErrors.nearest("--ouput", List.of("--output", "-o", "--force"))).containsExactly("--output");
        assertThat(UsageErrors.nearest("plna", List.of("plan", "validate"))).containsExactly("plan");
        assertThat(UsageErrors.nearest("zzzzzz", List.of("plan", "validate"))).isEmpty();
        assertThat(UsageErrors.distance("valdiate", "validate")).isEqualTo(1);
    }

    /** Command name to its description, continuation lines joined, from the root help's command list. */
    private static Map<String, String> commandDescriptions(String help) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        List<String> lines = new ArrayList<>(help.lines().toList());
        int start = lines.indexOf("Commands:");
        String current = null;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                String[] parts = line.strip().split("\\s+", 2);
                current = parts[0];
                m.put(current, parts[1]);
            } else {
                m.put(current, m.get(current) + " " + line.strip());
            }
        }
        return m;
    }
}
