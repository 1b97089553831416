package dev.backbone.core.verify.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.verify.VerifyReport.Check;
import dev.backbone.core.verify.VerifyReport.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonToolchainTest {

    private static final List<String> FILES = List.of("pkg/__init__.py", "pkg/good.py", "pkg/unused.py", "pkg/ugly.py",
            "pkg/typed.py", "pkg/broken.py");

    private static void writeSample(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("pkg"));
        Files.writeString(dir.resolve("pkg/__init__.py"), "");
        Files.writeString(dir.resolve("pkg/good.py"), "def double(x: int) -> int:\n    return 2 * x\n");
        Files.writeString(dir.resolve("pkg/unused.py"), "import os\n\n\ndef f() -> int:\n    return 1\n");
        Files.writeString(dir.resolve("pkg/ugly.py"), "def f()->int:\n  return  1\n");
        Files.writeString(dir.resolve("pkg/typed.py"), "def f(x: int) -> str:\n    return x\n");
        Files.writeString(dir.resolve("pkg/broken.py"), "def f(:\n    pass\n");
    }

    private static Map<String, Check> byFile(List<Check> checks) {
        assertThat(checks).hasSize(FILES.size());
        return checks.stream().collect(Collectors.toMap(Check::path, c -> c));
    }

    @Test
    void reportsEachToolsProblemsOnTheFileThatHasThem(@TempDir Path dir) throws IOException {
        PythonToolchain tc = PythonTools.require("pyflakes", "black", "mypy");
        writeSample(dir);

        Map<String, Check> syntax = byFile(tc.checkSyntax(dir, FILES));
        assertThat(syntax.get("pkg/broken.py").status()).isEqualTo(Status.FAILED);
        assertThat(syntax.get("pkg/broken.py").message()).startsWith("line 1:");
        assertThat(syntax.get("pkg/good.py").status()).isEqualTo(Status.PASSED);

        Map<String, Check> flakes = byFile(tc.checkPyflakes(dir, FILES));
        assertThat(flakes.get("pkg/unused.py").status()).isEqualTo(Status.FAILED);
        assertThat(flakes.get("pkg/unused.py").message()).contains("'os' imported but unused");
        assertThat(flakes.get("pkg/good.py").status()).isEqualTo(Status.PASSED);

        Map<String, Check> black = byFile(tc.checkBlack(dir, FILES));
        assertThat(black.get("pkg/ugly.py").status()).isEqualTo(Status.FAILED);
        assertThat(black.get("pkg/broken.py").status()).isEqualTo(Status.FAILED);
        assertThat(black.get("pkg/good.py").status()).isEqualTo(Status.PASSED);
        assertThat(black.get("pkg/unused.py").status()).isEqualTo(Status.PASSED);

        List<String> typedFiles = List.of("pkg/__init__.py", "pkg/good.py", "pkg/typed.py", "pkg/ugly.py");
        Map<String, Check> mypy = tc.checkMypy(dir, typedFiles).stream().collect(Collectors.toMap(Check::path, c -> c));
        assertThat(mypy.get("pkg/typed.py").status()).isEqualTo(Status.FAILED);
        assertThat(mypy.get("pkg/typed.py").message()).contains("Incompatible return value type");
        assertThat(mypy.get("pkg/good.py").status()).isEqualTo(Status.PASSED);
    }

    @Test
    void importsAndCreatesTablesOrSaysWhyNot(@TempDir Path dir) throws IOException {
        PythonToolchain tc = PythonTools.require();
        Files.createDirectories(dir.resolve("ok/app/models"));
        Files.writeString(dir.resolve("ok/app/__init__.py"), "");
        Files.writeString(dir.resolve("ok/app/database.py"), "");
        Files.writeString(dir.resolve("ok/app/models/__init__.py"), """
                import sqlalchemy as sa
                from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


                class Base(DeclarativeBase):
                    pass


                class Thing(Base):
                    __tablename__ = "things"
                    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
                """);
        Files.createDirectories(dir.resolve("bad/app/models"));
        Files.writeString(dir.resolve("bad/app/__init__.py"), "");
        Files.writeString(dir.resolve("bad/app/models/__init__.py"), "raise RuntimeError('boom')\n");

        List<Check> checks = tc.checkCreateAll(dir, List.of("ok.app", "bad.app"));
        assertThat(checks).extracting(Check::path).containsExactly("ok/app/*", "bad/app/*");
        assertThat(checks.get(0).status()).isEqualTo(Status.PASSED);
        assertThat(checks.get(0).message()).isEqualTo("created 1 tables");
        assertThat(checks.get(1).status()).isEqualTo(Status.FAILED);
        assertThat(checks.get(1).message()).contains("RuntimeError: boom");
    }

    @Test
    void withoutAnInterpreterEveryCheckIsSkippedWithTheReason(@TempDir Path dir) throws IOException {
        writeSample(dir);
        PythonToolchain none = PythonToolchain.detect(Map.of("BACKBONE_PYTHON", dir.resolve("no-such-python").toString()),
                Duration.ofSeconds(10));
        assertThat(none.available()).isFalse();
        List<Check> all = allChecks(none, dir);
        assertThat(all).isNotEmpty().allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(Status.SKIPPED);
            assertThat(c.message()).contains("no-such-python");
        });

        PythonToolchain noPath = PythonToolchain.detect(Map.of("PATH", dir.toString()), Duration.ofSeconds(10));
        assertThat(noPath.interpreter()).isNull();
        assertThat(noPath.describe()).contains("BACKBONE_PYTHON", "python3");
        assertThat(allChecks(noPath, dir)).allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.SKIPPED));
    }

    /** An interpreter that sees only its standard library (-I -S): every tool is missing, so checks are SKIPPED. */
    @Test
    void aMissingToolIsSkippedNeverPassed(@TempDir Path dir) throws IOException {
        PythonToolchain real = PythonTools.require();
        writeSample(dir);
        Path bare = dir.resolve("bare-python");
        Files.writeString(bare, "#!/bin/sh\nexec '" + real.interpreter() + "' -I -S \"$@\"\n");
        Files.setPosixFilePermissions(bare, PosixFilePermissions.fromString("rwx------"));
        PythonToolchain tc = PythonToolchain.detect(Map.of("BACKBONE_PYTHON", bare.toString()), Duration.ofSeconds(30));
        assertThat(tc.available()).isTrue();
        assertThat(tc.hasSqlAlchemy2()).isFalse();
        assertThat(tc.missing("black")).get().asString().contains("black not importable");
        assertThat(tc.checkBlack(dir, FILES)).allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.SKIPPED));
        assertThat(tc.checkPyflakes(dir, FILES)).allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.SKIPPED));
        assertThat(tc.checkMypy(dir, FILES)).allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.SKIPPED));
        assertThat(tc.checkCreateAll(dir, List.of("pkg"))).allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.SKIPPED));
        Map<String, Check> syntax = byFile(tc.checkSyntax(dir, FILES));
        assertThat(syntax.get("pkg/broken.py").status()).as("the standard library can still compile").isEqualTo(Status.FAILED);
    }

    @Test
    void aToolThatRunsTooLongIsStopped(@TempDir Path dir) throws IOException {
        PythonToolchain real = PythonTools.require();
        PythonToolchain tc = PythonToolchain.detect(Map.of("BACKBONE_PYTHON", real.interpreter()), Duration.ofSeconds(2));
        long start = System.nanoTime();
        PythonToolchain.ScriptResult r = tc.runScript(dir, "import time; time.sleep(60)", List.of());
        assertThat(r.timedOut()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    private static List<Check> allChecks(PythonToolchain tc, Path dir) {
        List<Check> all = new java.util.ArrayList<>();
        all.addAll(tc.checkSyntax(dir, FILES));
        all.addAll(tc.checkPyflakes(dir, FILES));
        all.addAll(tc.checkBlack(dir, FILES));
        all.addAll(tc.checkMypy(dir, FILES));
        all.addAll(tc.checkCreateAll(dir, List.of("pkg")));
        return all;
    }
}
