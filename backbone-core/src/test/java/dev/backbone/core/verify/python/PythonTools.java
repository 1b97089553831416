package dev.backbone.core.verify.python;

import dev.backbone.core.testsupport.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Python toolchain for tests: detected once per JVM; {@link #require} skips a test locally
 * (fails it in CI) when a tool is missing.
 */
public final class PythonTools {

    private static PythonToolchain toolchain;

    private PythonTools() {}

    public static synchronized PythonToolchain toolchain() {
        if (toolchain == null) {
            toolchain = PythonToolchain.detect(System.getenv(), Duration.ofSeconds(600));
            System.out.println("Python toolchain: " + toolchain.describe());
        }
        return toolchain;
    }

    /** The toolchain with SQLAlchemy 2 and the named tools, or the test is skipped (failed in CI). */
    public static PythonToolchain require(String... modules) {
        PythonToolchain tc = toolchain();
        String[] all = new String[modules.length + 1];
        all[0] = "sqlalchemy";
        System.arraycopy(modules, 0, all, 1, modules.length);
        Requirements.require(tc.has(all), "the Python toolchain (" + tc.missing(all).orElse("") + ")");
        return tc;
    }

    /** Every {@code .py} file under {@code dir}, relative, with {@code /} separators, sorted. */
    public static List<String> pythonFiles(Path dir) throws java.io.IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".py"))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}
