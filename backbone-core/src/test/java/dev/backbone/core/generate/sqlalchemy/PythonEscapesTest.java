package dev.backbone.core.generate.sqlalchemy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.verify.VerifyReport;
import dev.backbone.core.verify.python.PythonToolchain;
import dev.backbone.core.verify.python.PythonTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PythonEscapesTest {

    @Test
    void stringLiteralsPreferDoubleQuotesLikeBlack() {
        assertThat(PythonEscapes.stringLiteral("plain")).isEqualTo("\"plain\"");
        assertThat(PythonEscapes.stringLiteral("it's")).isEqualTo("\"it's\"");
        assertThat(PythonEscapes.stringLiteral("say \"hi\"")).isEqualTo("'say \"hi\"'");
        assertThat(PythonEscapes.stringLiteral("a\"b'c")).isEqualTo("\"a\\\"b'c\"");
    }

    @Test
    void stringLiteralsEscapeBackslashesLineBreaksAndInvisibleCharacters() {
        assertThat(PythonEscapes.stringLiteral("a\\b\nc\r\td")).isEqualTo("\"a\\\\b\\nc\\r\\td\"");
        assertThat(PythonEscapes.stringLiteral("\u202eevil\u200b\u0000\u2028")).isEqualTo("\"\\u202eevil\\u200b\\x00\\u2028\"");
        assertThat(PythonEscapes.stringLiteral("nbsp\u00a0")).isEqualTo("\"nbsp\\xa0\"");
        assertThat(PythonEscapes.stringLiteral("日本語 😀 שלום")).as("visible text stays as it is").isEqualTo("\"日本語 😀 שלום\"");
    }

    @Test
    void docstringsCannotBeClosedEarlyAndKeepTheirEdges() {
        assertThat(PythonEscapes.docstring("a \"\"\" b")).isEqualTo("a \\\"\\\"\" b");
        assertThat(PythonEscapes.docstring("\"quoted\"")).isEqualTo("\\\"quoted\\x22");
        assertThat(PythonEscapes.docstring("  padded  ")).isEqualTo("\\x20\\x20padded\\x20\\x20");
        assertThat(PythonEscapes.docstring("ends \\")).isEqualTo("ends \\\\");
        assertThat(PythonEscapes.docstring("two\nlines")).isEqualTo("two\\nlines");
        assertThat(PythonEscapes.docstring("said \"hi\" twice")).as("a lone inner quote stays readable")
                .isEqualTo("said \"hi\" twice");
    }

    @Test
    void commentsStayOnOneLine() {
        assertThat(PythonEscapes.comment("one\ntwo\r\nthree")).isEqualTo("one\\ntwo\\r\\nthree");
        assertThat(PythonEscapes.comment("trailing  ")).isEqualTo("trailing\\x20\\x20");
        assertThat(PythonEscapes.comment("tab\tinside")).isEqualTo("tab\\tinside");
    }

    /**
     * Random hostile strings as string literals, docstrings and comments in one module: black
     * leaves the module as it is, and Python reads back every literal and docstring exactly.
     */
    @Test
    void pythonReadsBackExactlyWhatWasEscaped(@TempDir Path dir) throws IOException {
        PythonToolchain py = PythonTools.require("black");
        Random rnd = new Random(7);
        List<String> texts = new ArrayList<>(List.of("", " ", "\"", "'", "\\", "\"\"\"", "'''", "\"\"\"\"", "a\"", "\"a",
                "\\\"", "x\\", " x ", "\t", "\n", "\r\n", "\u0085", "\u2028", "\ufeff", "\u202e", "e\u0301", "😀", "\udc00"));
        String[] pieces = {"\"", "'", "\\", "\n", "\r", "\t", " ", "\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u00a0",
            "\u200b", "\u202e", "\u2028", "\u3000", "\ufeff", "日本", "😀", "e\u0301", "{{", "%}", "*/", "--", "#", "x", "ab"};
        for (int i = 0; i < 400; i++) {
            StringBuilder b = new StringBuilder();
            int n = rnd.nextInt(12);
            for (int j = 0; j < n; j++) {
                b.append(pieces[rnd.nextInt(pieces.length)]);
            }
            texts.add(b.toString());
        }
        StringBuilder src = new StringBuilder("VALUES = []\nDOCS = []\n");
        for (String t : texts) {
            src.append("VALUES.append(").append(PythonEscapes.stringLiteral(t)).append(")\n");
            if (!t.isEmpty()) {
                src.append("\n\nclass C:\n    \"\"\"").append(PythonEscapes.docstring(t)).append("\"\"\"\n\n\n")
                        .append("DOCS.append(C.__doc__)  # ").append(PythonEscapes.comment(t)).append("\n");
            }
        }
        Files.writeString(dir.resolve("sample.py"), src.toString(), StandardCharsets.UTF_8);
        List<VerifyReport.Check> black = py.checkBlack(dir, List.of("sample.py"));
        SqlAlchemyToolchainTest.assertAllPassed(black);
        PythonToolchain.ScriptResult r = py.runScript(dir, "import json, sample; print(json.dumps([sample.VALUES, sample.DOCS]))",
                List.of());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode back = JsonMapper.builder().build().readTree(r.stdout().strip());
        List<String> values = new ArrayList<>();
        back.get(0).forEach(v -> values.add(v.asString()));
        List<String> docs = new ArrayList<>();
        back.get(1).forEach(v -> docs.add(v.asString()));
        assertThat(values).containsExactlyElementsOf(texts);
        assertThat(docs).as("docstrings (a lone surrogate cannot be in one: U+FFFD)").containsExactlyElementsOf(
                texts.stream().filter(t -> !t.isEmpty()).map(t -> t.replaceAll("[\\ud800-\\udfff]", "\ufffd")).toList());
    }
}
