package dev.backbone.core.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

/**
 * The writer's temporary folders next to the output, {@code .OUT.tmp-<uuid>} (the next state,
 * being built) and {@code .OUT.old-<uuid>} (the previous state, being removed). Each holds a
 * marker file, so that a later run removes only folders that are ours by name AND marker: a
 * run killed mid-way leaves them behind, and the next run cleans them up, finishing the swap
 * when the kill came between its two renames.
 */
final class TempFolders {

    /** The marker's file name inside our temporary folders. */
    static final String MARKER = ".backbone-writer";
    private static final String BUILDING = "BackBone writer: a project being built\n";
    private static final String COMPLETE = "BackBone writer: a complete project, about to replace its folder\n";
    private static final String OLD = "BackBone writer: the previous project, being removed\n";
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private TempFolders() {}

    static Path create(Path target) throws IOException {
        Path tmp = ProjectWriter.sibling(target, "tmp");
        Files.createDirectory(tmp);
        Files.writeString(tmp.resolve(MARKER), BUILDING, StandardCharsets.UTF_8);
        return tmp;
    }

    /**
     * Puts the complete {@code tmp} in place of {@code target}: marks it complete, moves the
     * target aside (marked as old), moves tmp in, then removes the old folder and the marker.
     */
    static void swap(Path tmp, Path target) throws IOException {
        Files.writeString(tmp.resolve(MARKER), COMPLETE, StandardCharsets.UTF_8);
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            old = ProjectWriter.sibling(target, "old");
            move(target, old);
            try {
                Files.writeString(old.resolve(MARKER), OLD, StandardCharsets.UTF_8);
            } catch (IOException e) {
                move(old, target);
                throw e;
            }
        }
        try {
            move(tmp, target);
        } catch (IOException e) {
            if (old != null) {
                move(old, target);
                Files.deleteIfExists(target.resolve(MARKER));
            }
            throw e;
        }
        Files.deleteIfExists(target.resolve(MARKER));
        deleteTree(old);
    }

    /**
     * Removes what killed runs left next to {@code target}: only folders named like ours that
     * hold our marker. When the target is missing and a complete next state is there (a kill
     * between the two renames of {@link #swap}), that state is moved in first.
     */
    static void clean(Path target) throws IOException {
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        String prefix = "." + target.getFileName() + ".";
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, p -> isOurs(p, prefix))) {
            for (Path p : s) {
                String marker = Files.readString(p.resolve(MARKER), StandardCharsets.UTF_8);
                if (marker.equals(COMPLETE) && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    move(p, target);
                    Files.deleteIfExists(target.resolve(MARKER));
                } else {
                    deleteTree(p);
                }
            }
        }
    }

    private static boolean isOurs(Path p, String prefix) {
        String name = p.getFileName().toString();
        if (!name.startsWith(prefix)) {
            return false;
        }
        String rest = name.substring(prefix.length());
        boolean named = (rest.startsWith("tmp-") || rest.startsWith("old-")) && UUID.matcher(rest.substring(4)).matches();
        return named && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(p.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
    }

    /** A copy of {@code from} in {@code to} made of hard links (a copy where links are not possible); symbolic links stay links. */
    static void linkTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path dest = to.resolve(from.relativize(file).toString());
                if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(dest, Files.readSymbolicLink(file));
                } else if (attrs.isRegularFile()) {
                    try {
                        Files.createLink(dest, file);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(file, dest, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
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
            // best effort: a leftover folder is named and marked as ours, and the next run removes it
        }
    }
}
