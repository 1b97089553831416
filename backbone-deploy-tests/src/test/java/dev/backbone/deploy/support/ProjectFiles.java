package dev.backbone.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the files under test are. Surefire passes {@code BACKBONE_PROJECT_ROOT} (the parent POM
 * sets it); an IDE run falls back to the working directory's parent, since tests run in the
 * module folder.
 */
public final class ProjectFiles {
    private ProjectFiles() {}

    public static Path root() {
        String env = System.getenv("BACKBONE_PROJECT_ROOT");
        Path candidate = env != null && !env.isBlank()
                ? Path.of(env)
                : Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        Path root = candidate.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("deploy"))) {
            throw new IllegalStateException("project root not found: " + root + " has no deploy/ folder");
        }
        return root;
    }

    public static Path deploy(String relative) {
        return root().resolve("deploy").resolve(relative);
    }

    /**
     * The operations guide. In CI it sits in {@code ../shared/spec} beside the clone; on the
     * development machines in {@code /work/shared/spec}.
     */
    public static Path guide() {
        for (Path p : List.of(root().resolve("../shared/spec/MONITORING.md").normalize(),
                Path.of("/work/shared/spec/MONITORING.md"))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("MONITORING.md not found in ../shared/spec or /work/shared/spec");
    }

    public static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
