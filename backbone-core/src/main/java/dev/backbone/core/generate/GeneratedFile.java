package dev.backbone.core.generate;

import java.util.Objects;

/**
 * One file of a generated project, in memory: a relative path with {@code /} separators, and its text.
 *
 * @param userOwned written once, then the user's: an extension point (custom routes, per-table
 *     hooks) that a regeneration must never overwrite once it exists
 */
public record GeneratedFile(String path, String content, boolean userOwned) {

    /** A file BackBone owns: regenerated whenever the schema changes. */
    public GeneratedFile(String path, String content) {
        this(path, content, false);
    }

    /** A file written once and then the user's. */
    public static GeneratedFile userOwned(String path, String content) {
        return new GeneratedFile(path, content, true);
    }

    public GeneratedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("generated paths must be relative and stay inside the project: " + path);
        }
    }

    /** Number of lines, counting a last line without a newline. */
    public long lines() {
        if (content.isEmpty()) {
            return 0;
        }
        long n = content.chars().filter(c -> c == '\n').count();
        return content.endsWith("\n") ? n : n + 1;
    }
}
