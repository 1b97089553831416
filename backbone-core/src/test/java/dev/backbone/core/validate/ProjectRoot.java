package dev.backbone.core.validate;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's root folder: from BACKBONE_PROJECT_ROOT (set by surefire), else the folder above holding {@code mvnw}. */
public final class ProjectRoot {

    private ProjectRoot() {}

    public static Path find() {
        String env = System.getenv("BACKBONE_PROJECT_ROOT");
        if (env != null && !env.isBlank() && Files.isRegularFile(Path.of(env, "mvnw"))) {
            return Path.of(env);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the project root (no BACKBONE_PROJECT_ROOT, no mvnw above "
                + Path.of("").toAbsolutePath() + ")");
    }
}
