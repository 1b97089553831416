package dev.backbone.cli;

import dev.backbone.core.write.ProjectWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The launcher's training run for the CLI's class-data-sharing archive (made once per build with
 * {@code -XX:ArchiveClassesAtExit}): runs the short commands users type most, in one JVM, so the
 * archive holds the classes each of them loads. Output is discarded. Not a user command.
 *
 * <p>{@code java -XX:ArchiveClassesAtExit=cli.jsa -cp backbone-ai.jar dev.backbone.cli.CdsTraining examples/blog_schema.json}
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws IOException {
        String schema = args[0];
        Path dir = Files.createTempDirectory("backbone-training-");
        try {
            String out = dir.resolve("out").toString();
            run("--help");
            run("generate", "--help");
            run("valdiate", schema);
            run("validate", schema);
            run("validate", "--json", schema);
            run("plan", schema);
            run("generate", "--schema", schema, "-o", out, "--verify", "none");
            run("generate", "--schema", schema, "-o", out, "--force");
            run("generate", "--schema", schema, "-o", out, "--force", "--json");
            run("version");
        } finally {
            ProjectWriter.deleteTree(dir);
        }
    }

    private static void run(String... args) {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        BackboneCommand.execute(args, java.io.InputStream.nullInputStream(), discard, discard, Terminal.PLAIN);
    }
}
