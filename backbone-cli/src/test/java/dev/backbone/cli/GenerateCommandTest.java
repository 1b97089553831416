package dev.backbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheWholeProject() throws Exception {
        Path out = tmp.resolve("blog");
        CliRunner.Run r = CliRunner.run("generate", "--schema", CliRunner.example("blog_schema.json").toString(), "--output", out.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        for (String f : new String[] {"app/__init__.py", "app/database.py", "app/models/__init__.py", "app/models/base.py",
            "app/models/mixins.py", "app/models/users.py", "app/models/posts.py", "app/models/comments.py", "schema.sql",
            "requirements.txt", "README.md"}) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
        }
        assertThat(r.out()).contains("generated ").contains("for BlogBackend into " + out);
        assertNoTempFolders();
    }

    @Test
    void refusesANonEmptyOutputWithoutForceAndTouchesNothing() throws Exception {
        Path out = tmp.resolve("existing");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "mine");
        CliRunner.Run r = CliRunner.run("generate", CliRunner.example("blog_schema.json").toString(), "-o", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("backbone-ai: output folder " + out + " exists, is not empty and is not a BackBone project "
                + "(no .backbone/manifest.json); use --force to replace it (it lists what it deletes and asks first)");
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.toList()).containsExactly(out.resolve("keep.txt"));
        }
        CliRunner.Run asked = CliRunner.run("generate", CliRunner.example("blog_schema.json").toString(), "-o", out.toString(), "--force");
        assertThat(asked.exit()).as("no answer on stdin: nothing deleted").isEqualTo(2);
        assertThat(asked.out()).contains("deleting 1 file:", "keep.txt", "Delete them? [y/N]");
        assertThat(out.resolve("keep.txt")).exists();
        CliRunner.Run forced = CliRunner.run("generate", CliRunner.example("blog_schema.json").toString(), "-o", out.toString(), "--force",
                "--yes");
        assertThat(forced.exit()).as(forced.out() + forced.err()).isZero();
        assertThat(out.resolve("keep.txt")).doesNotExist();
        assertThat(out.resolve("schema.sql")).isRegularFile();
        assertNoTempFolders();
    }

    @Test
    void invalidSchemaPrintsFindingsExitsOneAndCreatesNothing() throws Exception {
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, "{\"project_name\": \"X\", \"db_type\": \"sqlite\", \"schema\": [{\"table_name\": \"a\", \"class_name\": \"A\", \"columns\": []}]}");
        Path out = tmp.resolve("never");
        CliRunner.Run r = CliRunner.run("generate", f.toString(), "-o", out.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(": error: ").contains("invalid");
        assertThat(out).doesNotExist();
        assertNoTempFolders();
    }

    @Test
    void onlyTheChosenTarget() throws Exception {
        Path out = tmp.resolve("sqlonly");
        CliRunner.Run r = CliRunner.run("generate", CliRunner.example("simple_schema.json").toString(), "-o", out.toString(), "--target", "sql");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(out.resolve("schema.sql")).isRegularFile();
        assertThat(out.resolve("app")).doesNotExist();
    }

    @Test
    void unknownTargetNamesTheAvailableOnes() {
        CliRunner.Run r = CliRunner.run("generate", CliRunner.example("simple_schema.json").toString(), "-o", tmp.resolve("x").toString(), "--target", "django");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown target 'django'; available: ").contains("sqlalchemy").contains("sql");
    }

    @Test
    void anEmptyTargetListIsAUsageErrorAndWritesNothing() {
        for (String t : new String[] {",,,", "", " , "}) {
            Path out = tmp.resolve("none");
            CliRunner.Run r = CliRunner.run("generate", CliRunner.example("simple_schema.json").toString(), "-o", out.toString(), "-t", t);
            assertThat(r.exit()).as("-t '" + t + "': " + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("no target named").contains("sqlalchemy");
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void badVerifyModeIsAUsageError() {
        CliRunner.Run r = CliRunner.run("generate", CliRunner.example("simple_schema.json").toString(), "-o", tmp.resolve("x").toString(), "--verify", "sometimes");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown verify mode 'sometimes'");
    }

    @Test
    void templateOverrideByFileName() throws Exception {
        Path out = tmp.resolve("custom");
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("requirements.txt.peb"), "# custom requirements for {{ projectName }}\nSQLAlchemy>=2.0,<2.1\n");
        CliRunner.Run r = CliRunner.run("generate", CliRunner.example("simple_schema.json").toString(), "-o", out.toString(),
                "--templates", templates.toString(), "--target", "sqlalchemy", "--verify", "none");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(Files.readString(out.resolve("requirements.txt"))).startsWith("# custom requirements for SimpleBlog");
    }

    @Test
    void codeThatFailsVerificationIsWrittenNowhereNotEvenBesideTheOutput() throws Exception {
        Path out = tmp.resolve("broken");
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("schema.sql.peb"), "CREATE TABLE broken (;\n");
        CliRunner.Run r = CliRunner.run("generate", CliRunner.example("blog_schema.json").toString(), "-o", out.toString(),
                "--templates", templates.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err()).contains("failed verification; nothing was written");
        assertThat(out).doesNotExist();
        assertNoTempFolders();
    }

    @Test
    void theProjectHasItsMergeBasesInOneFile() throws Exception {
        Path out = tmp.resolve("blog");
        CliRunner.Run r = CliRunner.run("generate", CliRunner.example("blog_schema.json").toString(), "-o", out.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(out.resolve(".backbone/base.json")).isRegularFile();
        assertThat(out.resolve(".backbone/base")).doesNotExist();
        assertThat(Files.readString(out.resolve(".backbone/base.json"))).contains("\"app/models/posts.py\"");
    }

    @Test
    void progressOnATerminalVerboseLinesAnywhereQuietSilencesBoth() {
        String blog = CliRunner.example("blog_schema.json").toString();
        Terminal errTty = new Terminal(false, true, false, false);
        CliRunner.Run live = CliRunner.run(errTty, "generate", blog, "-o", tmp.resolve("a").toString());
        assertThat(live.exit()).isZero();
        assertThat(live.err()).contains("\r\033[Kbackbone-ai: validating the schema", "\r\033[Kbackbone-ai: generating files",
                "\r\033[Kbackbone-ai: verify: SQL on an embedded database", "\r\033[Kbackbone-ai: verify: model structure").endsWith("\r\033[K");
        assertThat(live.out()).doesNotContain("\033[");
        CliRunner.Run verbose = CliRunner.run("generate", blog, "-o", tmp.resolve("b").toString(), "-v");
        assertThat(verbose.err()).doesNotContain("\033[").contains("  verifying the generated code\n", "  verify: SQL on an embedded database\n")
                .containsPattern("  verify +done in [0-9.]+ ms");
        CliRunner.Run quiet = CliRunner.run(errTty, "generate", blog, "-o", tmp.resolve("c").toString(), "--quiet", "--verbose");
        assertThat(quiet.err()).isEmpty();
        assertThat(quiet.out()).containsPattern("generated \\d+ files");
    }

    private void assertNoTempFolders() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".tmp-") || n.contains(".old-")).toList()).isEmpty();
        }
    }
}
