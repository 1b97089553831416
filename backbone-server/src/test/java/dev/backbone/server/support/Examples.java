package dev.backbone.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example schemas of the repository ({@code examples/}), found from the module folder. */
public final class Examples {

    private Examples() {}

    public static Path root() {
        String env = System.getenv("BACKBONE_PROJECT_ROOT");
        if (env != null && Files.isDirectory(Path.of(env, "examples"))) {
            return Path.of(env);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("examples/ not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    public static String read(String name) {
        try {
            return Files.readString(root().resolve("examples").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {"schema": <document>}} with the document embedded as it is in the file. */
    public static String request(String name) {
        return "{\"schema\": " + read(name) + "}";
    }
}
