package dev.backbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the CLI reads a schema: under {@code --max-size}, from {@code -} (standard input), and
 * with one line and exit 2 for anything it cannot read, however large or endless.
 */
class InputReadingTest {

    @TempDir
    Path tmp;

    private static CliRunner.Run withStdin(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BackboneCommand.execute(args, new ByteArrayInputStream(stdin), new PrintWriter(out), new PrintWriter(err));
        return new CliRunner.Run(code, out.toString(), err.toString());
    }

    @Test
    void dashReadsTheSchemaFromStandardInput() throws Exception {
        byte[] blog = Files.readAllBytes(CliRunner.example("blog_schema.json"));
        CliRunner.Run r = withStdin(blog, "validate", "-");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("build order: users -> posts -> comments").contains("<stdin>: valid");
        CliRunner.Run opt = withStdin(blog, "plan", "--schema", "-");
        assertThat(opt.exit()).as(opt.err()).isZero();
    }

    @Test
    void findingsFromStandardInputAreNamedStdin() {
        CliRunner.Run r = withStdin("{\n  \"project_name\": 1\n}".getBytes(StandardCharsets.UTF_8), "validate", "-");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("<stdin>:2:");
    }

    @Test
    void generateReadsStandardInputToo() throws Exception {
        byte[] simple = Files.readAllBytes(CliRunner.example("simple_schema.json"));
        Path out = tmp.resolve("out");
        CliRunner.Run r = withStdin(simple, "generate", "-", "-o", out.toString(), "--verify", "none");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(out.resolve("schema.sql")).isRegularFile();
    }

    @Test
    void aFileOverMaxSizeIsOneLineAndExitTwo() throws Exception {
        Path f = tmp.resolve("big.json");
        Files.writeString(f, "{\"project_name\": \"" + "x".repeat(2000) + "\"}");
        CliRunner.Run r = CliRunner.run("validate", f.toString(), "--max-size", "1KB");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("backbone-ai: cannot read " + f + ": " + Files.size(f)
                + " bytes is more than --max-size (1024 bytes)");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void standardInputOverMaxSizeIsRefusedWithoutReadingItAll() {
        CliRunner.Run r = withStdin(new byte[5000], "validate", "-", "--max-size", "4096");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("backbone-ai: cannot read <stdin>: more than --max-size (4096 bytes)");
    }

    @Test
    void anEndlessDeviceIsRefusedAtTheLimit() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero), "no /dev/zero on this system");
        CliRunner.Run r = CliRunner.run("validate", "/dev/zero", "--json", "--max-size", "1MB");
        assertThat(r.exit()).isEqualTo(2);
        // with --json the error is a JSON object on standard output (issue 15's convention)
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("\"message\" : \"cannot read /dev/zero: more than --max-size (1048576 bytes)\"", "\"exit_code\" : 2");
        CliRunner.Run def = CliRunner.run("validate", "/dev/zero");
        assertThat(def.exit()).as(def.err()).isEqualTo(2);
        assertThat(def.err().strip()).startsWith("backbone-ai: cannot read /dev/zero: more than --max-size (")
                .doesNotContain("Error").doesNotContain("\n");
    }

    @Test
    void aHugeSparseFileIsRefusedBeforeAByteIsRead() throws Exception {
        Path f = tmp.resolve("sparse.json");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(2_200_000_000L);
        }
        CliRunner.Run r = CliRunner.run("generate", f.toString(), "-o", tmp.resolve("o").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("backbone-ai: cannot read " + f + ": 2200000000 bytes is more than --max-size ("
                + SchemaInput.DEFAULT_MAX_SIZE + " bytes)");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void aBadMaxSizeIsAUsageError() {
        CliRunner.Run r = CliRunner.run("validate", CliRunner.example("blog_schema.json").toString(), "--max-size", "lots");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--max-size").contains("lots");
    }

    @Test
    void aLeadingByteOrderMarkIsIgnoredAndColumnsCountFromAfterIt() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] doc = "{\"project_name\": 7}".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + doc.length];
        System.arraycopy(bom, 0, both, 0, 3);
        System.arraycopy(doc, 0, both, 3, doc.length);
        Path f = tmp.resolve("bom.json");
        Files.write(f, both);
        CliRunner.Run file = CliRunner.run("validate", f.toString());
        CliRunner.Run piped = withStdin(both, "validate", "-");
        assertThat(file.out()).contains(f + ":1:18: error:").doesNotContain("JSON_SYNTAX_ERROR");
        assertThat(piped.out()).contains("<stdin>:1:18: error:").doesNotContain("JSON_SYNTAX_ERROR");
    }
}
