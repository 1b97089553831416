package dev.backbone.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Drives the CLI in-process and captures what it prints. */
public final class CliRunner {

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        return run(Terminal.PLAIN, args);
    }

    /** As {@link #run(String...)}, as if standard output and error were connected as {@code terminal} says. */
    static Run run(Terminal terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BackboneCommand.execute(args, java.io.InputStream.nullInputStream(), new PrintWriter(out), new PrintWriter(err), terminal);
        return new Run(code, out.toString(), err.toString());
    }

    /** The repository root (surefire sets BACKBONE_PROJECT_ROOT; otherwise walk up to the folder with mvnw). */
    public static Path root() {
        String env = System.getenv("BACKBONE_PROJECT_ROOT");
        if (env != null && Files.exists(Path.of(env, "mvnw"))) {
            return Path.of(env);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        return p;
    }

    static Path example(String name) {
        return root().resolve("examples").resolve(name);
    }
}
