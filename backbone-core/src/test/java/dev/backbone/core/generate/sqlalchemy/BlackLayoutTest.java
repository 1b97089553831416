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

class BlackLayoutTest {

    @Test
    void shortStatementsStayOnOneLine() {
        PyExpr call = PyExpr.call("mapped_column", PyExpr.atom("sa.String(50)"), PyExpr.kw("nullable", PyExpr.atom("False")));
        assertThat(BlackLayout.annotated(4, "name", "str", call))
                .containsExactly("    name: Mapped[str] = mapped_column(sa.String(50), nullable=False)");
    }

    @Test
    void argumentsThatFitTogetherShareOneIndentedLine() {
        PyExpr call = PyExpr.call("mapped_column", PyExpr.atom("sa.String(50)"), PyExpr.kw("nullable", PyExpr.atom("False")),
                PyExpr.kw("comment", PyExpr.str("x".repeat(30))));
        assertThat(BlackLayout.annotated(4, "name", "str", call)).containsExactly(
                "    name: Mapped[str] = mapped_column(",
                "        sa.String(50), nullable=False, comment=\"" + "x".repeat(30) + "\"",
                "    )");
    }

    @Test
    void longArgumentsGoOnePerLineWithATrailingComma() {
        PyExpr call = PyExpr.call("mapped_column", PyExpr.atom("sa.String(50)"), PyExpr.kw("comment", PyExpr.str("x".repeat(80))));
        assertThat(BlackLayout.annotated(4, "name", "str", call)).containsExactly(
                "    name: Mapped[str] = mapped_column(",
                "        sa.String(50),",
                "        comment=\"" + "x".repeat(80) + "\",",
                "    )");
    }

    @Test
    void displaysOfSeveralItemsExplodeEvenWhenTheItemsWouldFitOnOneLine() {
        List<PyExpr> names = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            names.add(PyExpr.str("Name" + i));
        }
        List<String> lines = BlackLayout.statement(0, "__all__ = ", PyExpr.list(names));
        assertThat(lines).hasSize(14).startsWith("__all__ = [", "    \"Name0\",").endsWith("]");
    }

    /** Random statements of every shape the target writes, laid out in Java, must be what black writes. */
    @Test
    void agreesWithBlackOnRandomStatements(@TempDir Path dir) throws IOException {
        PythonToolchain tc = PythonTools.require("black");
        Random rnd = new Random(Long.getLong("layoutSeed", 20240611L));
        StringBuilder top = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            List<String> names = new ArrayList<>();
            int n = 1 + rnd.nextInt(8);
            for (int j = 0; j < n; j++) {
                names.add(ident(rnd, 3 + rnd.nextInt(20), true));
            }
            top.append(BlackLayout.text(BlackLayout.importFrom("." + ident(rnd, 1 + rnd.nextInt(40), false), names)));
        }
        top.append("\n");
        List<PyExpr> all = new ArrayList<>();
        for (int i = 0; i < rnd.nextInt(3) * 10 + 1; i++) {
            all.add(PyExpr.str(ident(rnd, 3 + rnd.nextInt(20), true)));
        }
        top.append(BlackLayout.text(BlackLayout.statement(0, "__all__ = ", PyExpr.list(all))));
        for (int i = 0; i < Integer.getInteger("layoutCount", 400); i++) {
            body.append(BlackLayout.text(randomStatement(rnd)));
        }
        String source = top + "\n\nclass A:\n" + body;
        Path file = dir.resolve("sample.py");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        List<VerifyReport.Check> checks = tc.checkBlack(dir, List.of("sample.py"));
        assertThat(checks).singleElement().satisfies(c -> assertThat(c.status())
                .as("black --diff:\n%s", blackDiff(tc, dir)).isEqualTo(VerifyReport.Status.PASSED));
    }

    private static List<String> randomStatement(Random rnd) {
        int kind = rnd.nextInt(10);
        String name = ident(rnd, 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 63 : 30), false);
        return switch (kind) {
            case 0 -> BlackLayout.assignAtom(4, name.toUpperCase(), PyExpr.str(text(rnd, rnd.nextInt(90))).flat());
            case 1 -> BlackLayout.statement(4, "__table_args__ = ",
                    PyExpr.dict(List.of(PyExpr.entry(PyExpr.str("comment"), PyExpr.str(text(rnd, rnd.nextInt(120)))))));
            case 2 -> BlackLayout.statement(4, "__table_args__ = ", PyExpr.tuple(tableArgs(rnd)));
            case 3 -> BlackLayout.statement(4, name + " = ", PyExpr.call("sa.Table", randomArgs(rnd, 1 + rnd.nextInt(5))));
            default -> BlackLayout.annotated(4, name, typeText(rnd),
                    PyExpr.call(rnd.nextBoolean() ? "mapped_column" : "relationship", randomArgs(rnd, rnd.nextInt(6))));
        };
    }

    private static List<PyExpr> tableArgs(Random rnd) {
        List<PyExpr> items = new ArrayList<>();
        int n = rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            items.add(PyExpr.call("sa.UniqueConstraint", PyExpr.str(ident(rnd, 5 + rnd.nextInt(30), false)),
                    PyExpr.kw("name", PyExpr.str(ident(rnd, 5 + rnd.nextInt(58), false)))));
        }
        if (n == 0 || rnd.nextBoolean()) {
            items.add(PyExpr.dict(List.of(PyExpr.entry(PyExpr.str("comment"), PyExpr.str(text(rnd, rnd.nextInt(100)))))));
        }
        return items;
    }

    private static String typeText(Random rnd) {
        String[] types = {"int", "str", "Optional[str]", "Optional[datetime.datetime]", "list[\"OrderItemWithLongName\"]",
                "Optional[PostStatusWithAVeryLongEnumClassName]", "decimal.Decimal", "Optional[\"Category\"]"};
        return types[rnd.nextInt(types.length)];
    }

    private static List<PyExpr> randomArgs(Random rnd, int n) {
        List<PyExpr> args = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            args.add(switch (rnd.nextInt(9)) {
                case 0 -> PyExpr.atom("sa.String(" + (1 + rnd.nextInt(300)) + ")");
                case 1 -> PyExpr.call("sa.ForeignKey", PyExpr.str(ident(rnd, 3 + rnd.nextInt(30), false) + ".id"),
                        PyExpr.kw("ondelete", PyExpr.str("CASCADE")), PyExpr.kw("use_alter", PyExpr.atom("True")));
                case 2 -> PyExpr.call("sa.Enum", PyExpr.atom("PostStatus"), PyExpr.kw("name", PyExpr.str(ident(rnd, 3 + rnd.nextInt(60), false))),
                        PyExpr.kw("values_callable", PyExpr.atom("enum_values")));
                case 3 -> PyExpr.kw("server_default", PyExpr.call("sa.text", PyExpr.str(text(rnd, rnd.nextInt(100)))));
                case 4 -> PyExpr.kw("comment", PyExpr.str(text(rnd, rnd.nextInt(120))));
                case 5 -> PyExpr.kw("nullable", PyExpr.atom(rnd.nextBoolean() ? "True" : "False"));
                case 6 -> PyExpr.kw("back_populates", PyExpr.str(ident(rnd, 3 + rnd.nextInt(40), false)));
                case 7 -> PyExpr.kw("server_default", PyExpr.call("sa.func.now"));
                default -> PyExpr.str(ident(rnd, 1 + rnd.nextInt(60), false));
            });
        }
        List<PyExpr> positional = new ArrayList<>(args.stream().filter(a -> !(a instanceof PyExpr.Prefixed)).toList());
        java.util.Map<String, PyExpr> keywords = new java.util.LinkedHashMap<>();
        args.stream().filter(a -> a instanceof PyExpr.Prefixed).forEach(a -> keywords.putIfAbsent(((PyExpr.Prefixed) a).prefix(), a));
        positional.addAll(keywords.values());
        return positional;
    }

    private static String ident(Random rnd, int len, boolean pascal) {
        StringBuilder b = new StringBuilder(pascal ? "" : "x");
        for (int i = 1; i < len; i++) {
            char c = (char) ('a' + rnd.nextInt(26));
            b.append(i == 0 && pascal ? Character.toUpperCase(c) : (i > 0 && rnd.nextInt(6) == 0 ? '_' : c));
        }
        return b.toString();
    }

    private static final String[] PIECES = {"a", "b", "word ", "\"", "'", "\\", "\n", "\t", "日本語", "e\u0301", "😀", "שלום",
        "\u202e", " ", "{{ x }}", "{% if %}", "*/", "--", "\"\"\"", "\u00a0", "ü"};

    private static String text(Random rnd, int len) {
        StringBuilder b = new StringBuilder();
        while (b.length() < len) {
            b.append(rnd.nextInt(3) == 0 ? PIECES[rnd.nextInt(PIECES.length)] : String.valueOf((char) ('a' + rnd.nextInt(26))));
        }
        return b.toString();
    }

    private static String blackDiff(PythonToolchain tc, Path dir) {
        try {
            Process p = new ProcessBuilder(tc.interpreter(), "-m", "black", "--diff", "-q", "sample.py")
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.length() > 6000 ? out.substring(0, 6000) : out;
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }
}
