package dev.backbone.core.write;

import dev.backbone.core.generate.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.UUID;

/**
 * Writes a generated project so that it appears whole or not at all: files go to a temporary
 * folder next to the output (same file system, so the final step is a rename), and only then
 * replace the output. An error at any point leaves no partial project behind.
 */
public final class ProjectWriter {

    /** The output exists, is not empty, and {@code force} was not given. Nothing was touched. */
    public static final class OutputExistsException extends IOException {
        private static final long serialVersionUID = 1L;

        OutputExistsException(Path out) {
            super("output folder " + out + " exists and is not empty; use --force to replace it");
        }
    }

    private ProjectWriter() {}

    /** Refuses early (before any work) when the output is a non-empty folder or a file and force is off. */
    public static void checkWritable(Path out, boolean force) throws IOException {
        if (Files.isRegularFile(out)) {
            throw new IOException("output " + out + " is a file, not a folder");
        }
        if (!force && Files.isDirectory(out) && !isEmpty(out)) {
            throw new OutputExistsException(out);
        }
    }

    public static void write(Path out, List<GeneratedFile> files, boolean force) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        checkWritable(target, force);
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectory(tmp);
            for (GeneratedFile f : files) {
                Path p = tmp.resolve(f.path()).normalize();
                if (!p.startsWith(tmp)) {
                    throw new IOException("refusing to write outside the output folder: " + f.path());
                }
                Files.createDirectories(p.getParent());
                Path existing = target.resolve(f.path()).normalize();
                if (f.userOwned() && existing.startsWith(target) && Files.isRegularFile(existing)) {
                    // written once, then the user's: a regeneration keeps what is there
                    Files.copy(existing, p);
                } else {
                    Files.writeString(p, f.content(), StandardCharsets.UTF_8);
                }
            }
            replace(tmp, target);
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /** Moves {@code tmp} to {@code target}; an existing target is moved aside first and removed after. */
    private static void replace(Path tmp, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
            move(target, old);
        }
        try {
            move(tmp, target);
        } catch (IOException e) {
            if (old != null) {
                move(old, target);
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    /** Deletes a folder tree; quiet when it does not exist. */
    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort: a leftover temp folder is harmless and named as such
        }
    }
}
