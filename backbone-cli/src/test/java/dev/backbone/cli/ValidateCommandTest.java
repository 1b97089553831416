package dev.backbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ValidateCommandTest {

    @TempDir
    Path tmp;

    @Test
    void validExampleExitsZeroAndPrintsBuildOrderAndSummary() {
        CliRunner.Run r = CliRunner.run("validate", "--schema", CliRunner.example("blog_schema.json").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("build order: users -> posts -> comments");
        assertThat(r.out()).containsPattern("blog_schema.json: valid: 0 errors, \\d+ warnings?, \\d+ info \\(3 tables\\)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void positionalFileWorksLikeTheOption() {
        CliRunner.Run r = CliRunner.run("validate", CliRunner.example("simple_schema.json").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("build order: users -> posts");
    }

    @Test
    void invalidSchemaPrintsCompilerLinesAndExitsOne() throws Exception {
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, """
                {
                  "project_name": "Shop",
                  "db_type": "postgresql",
                  "schema": [
                    {"table_name": "orders", "class_name": "Order",
                     "columns": [
                       {"name": "id", "type": "Integer", "primary_key": true},
                       {"name": "user_id", "type": "ForeignKey", "target": "user.id"}
                     ]}
                  ]
                }
                """);
        CliRunner.Run r = CliRunner.run("validate", "--schema", f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(f + ":8:60: error: FK_TABLE_NOT_FOUND: ");
        assertThat(r.out()).contains(f + ": invalid: 1 error");
        assertThat(r.out()).doesNotContain("build order:");
    }

    @Test
    void syntaxErrorIsOneFindingWithLineAndColumn() throws Exception {
        Path f = tmp.resolve("broken.json");
        Files.writeString(f, "{\n  \"project_name\": \"X\",\n  \"db_type\": \"sqlite\"\n  \"schema\": []\n}\n");
        CliRunner.Run r = CliRunner.run("validate", f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern(java.util.regex.Pattern.quote(f.toString()) + ":4:3: error: JSON_SYNTAX_ERROR: ");
        assertThat(r.out().lines().filter(l -> l.contains("JSON_SYNTAX_ERROR")).count()).isEqualTo(1);
    }

    @Test
    void jsonOutputHasTheContractShape() throws Exception {
        CliRunner.Run r = CliRunner.run("validate", "--json", "--schema", CliRunner.example("blog_schema.json").toString());
        assertThat(r.exit()).isZero();
        JsonNode j = JsonMapper.builder().build().readTree(r.out());
        assertThat(j.get("status").asString()).isIn("passed", "passed_with_warnings");
        assertThat(j.get("valid").asBoolean()).isTrue();
        assertThat(j.get("errors").isArray()).isTrue();
        assertThat(j.get("warnings").isArray()).isTrue();
        assertThat(j.get("info").isArray()).isTrue();
        assertThat(j.get("build_order").toString()).isEqualTo("[\"users\",\"posts\",\"comments\"]");
        for (JsonNode f : j.get("warnings")) {
            assertThat(f.has("severity") && f.has("code") && f.has("message") && f.has("path") && f.has("line") && f.has("column")).isTrue();
        }
    }

    @Test
    void jsonOutputOfAnInvalidSchemaIsFailed() throws Exception {
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, "{\"project_name\": \"../x\", \"db_type\": \"oracle\", \"schema\": []}");
        CliRunner.Run r = CliRunner.run("validate", "--json", f.toString());
        assertThat(r.exit()).isEqualTo(1);
        JsonNode j = JsonMapper.builder().build().readTree(r.out());
        assertThat(j.get("status").asString()).isEqualTo("failed");
        assertThat(j.get("valid").asBoolean()).isFalse();
        assertThat(j.get("errors").size()).isGreaterThanOrEqualTo(2);
        assertThat(j.get("build_order").size()).isZero();
    }

    @Test
    void missingFileIsOneLineAndExitTwo() {
        CliRunner.Run r = CliRunner.run("validate", "--schema", tmp.resolve("nope.json").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("backbone-ai: cannot read " + tmp.resolve("nope.json") + ": no such file");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void directoryAndNonUtf8AreOneLineAndExitTwo() throws Exception {
        CliRunner.Run dir = CliRunner.run("validate", tmp.toString());
        assertThat(dir.exit()).isEqualTo(2);
        assertThat(dir.err()).contains("it is a directory").doesNotContain("Exception");
        Path latin = tmp.resolve("latin1.json");
        Files.write(latin, new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
        CliRunner.Run enc = CliRunner.run("validate", latin.toString());
        assertThat(enc.exit()).isEqualTo(2);
        assertThat(enc.err()).contains("not UTF-8 text");
    }

    @Test
    void missingSchemaArgumentIsAUsageError() {
        CliRunner.Run r = CliRunner.run("validate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("missing schema file").contains("--help");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRunner.Run r = CliRunner.run("validate", "--frobnicate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown option '--frobnicate'");
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"validate", "plan", "generate", "version"}) {
            CliRunner.Run r = CliRunner.run(cmd, "--help");
            assertThat(r.exit()).as(cmd).isZero();
            assertThat(r.out()).as(cmd).contains("Usage: backbone-ai " + cmd);
        }
        assertThat(CliRunner.run("--help").out()).contains("validate", "plan", "generate", "version");
    }

    @Test
    void versionPrintsNameAndVersion() {
        CliRunner.Run r = CliRunner.run("version");
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).matches("BackBone-AI \\d+\\.\\d+\\.\\d+.*");
    }
}
