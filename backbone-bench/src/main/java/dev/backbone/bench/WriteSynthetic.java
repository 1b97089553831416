package dev.backbone.bench;

import dev.backbone.core.schema.SyntheticSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a synthetic schema of N tables to a file, for end-to-end runs of the CLI (bench/e2e.sh). */
public final class WriteSynthetic {
    private WriteSynthetic() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: WriteSynthetic TABLES FILE");
            System.exit(2);
        }
        Files.writeString(Path.of(args[1]), SyntheticSchemas.generate(Integer.parseInt(args[0])), StandardCharsets.UTF_8);
    }
}
