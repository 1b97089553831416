package dev.backbone.core.write;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.regenerate.FileAction;
import dev.backbone.core.regenerate.Manifest;
import dev.backbone.core.regenerate.MergeBases;
import dev.backbone.core.regenerate.RegenerationPlan;
import dev.backbone.core.workflow.Parallel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writes a generated project so that it appears whole or not at all: files go to a temporary
 * folder next to the output (same file system, so the final step is a rename), and only then
 * replace the output. An error at any point leaves no partial project behind. Regenerating an
 * existing project builds its next state the same way: a copy made of hard links (no file's
 * content is copied), the planned changes applied to the copy, then the swap; a kill at any
 * moment leaves the folder as before or as after ({@link TempFolders} finishes or removes what
 * a killed run left). Nothing is fsynced: the guarantee holds against a killed or failing run,
 * not a power cut (after which the files of the last run may be empty; the project is generated
 * again from its schema), and a thousand-file project is not a thousand disk flushes.
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
        stage(out, files, force).commit();
    }

    /**
     * The first half of {@link #write}: the files written into a temporary folder next to the
     * output, which stays as it was until {@link Staged#commit()}. Lets a caller write while it
     * still decides whether to publish (the CLI stages while the code is verified, and
     * {@link Staged#discard() discards} what failed).
     */
    public static Staged stage(Path out, List<GeneratedFile> files, boolean force) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        checkWritable(target, force);
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            TempFolders.clean(target);
            tmp = TempFolders.create(target);
            writeNew(tmp, target, files);
            return new Staged(tmp, target);
        } catch (IOException e) {
            deleteTree(tmp);
            throw WriteFailure.explain(e, target);
        } catch (RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /** A project written into its temporary folder, not yet in place. */
    public static final class Staged {

        private final Path tmp;
        private final Path target;

        private Staged(Path tmp, Path target) {
            this.tmp = tmp;
            this.target = target;
        }

        /** Puts the project in place of the output folder (two renames). */
        public void commit() throws IOException {
            try {
                TempFolders.swap(tmp, target);
            } catch (IOException e) {
                deleteTree(tmp);
                throw WriteFailure.explain(e, target);
            } catch (RuntimeException e) {
                deleteTree(tmp);
                throw e;
            }
        }

        /** Removes the temporary folder; the output stays as it was. */
        public void discard() {
            deleteTree(tmp);
        }
    }

    /**
     * Writes files into a fresh temporary folder; a user-owned file already in the output is
     * copied from there. Creating a file is the cost, in the kernel (the file system allocates an
     * inode while it holds the folder's lock), so the folders are shared out between two writers,
     * the busiest first, each to the one with fewer files so far: two folders fill at once.
     */
    private static void writeNew(Path tmp, Path target, List<GeneratedFile> files) throws IOException {
        Map<Path, List<GeneratedFile>> byFolder = new LinkedHashMap<>();
        for (GeneratedFile f : files) {
            byFolder.computeIfAbsent(inside(tmp, f.path()).getParent(), k -> new ArrayList<>()).add(f);
        }
        for (Path folder : byFolder.keySet()) {
            Files.createDirectories(folder);
        }
        List<List<GeneratedFile>> shares = List.of(new ArrayList<>(), new ArrayList<>());
        byFolder.values().stream().sorted(Comparator.comparingInt(List<GeneratedFile>::size).reversed())
                .forEach(l -> (shares.get(0).size() <= shares.get(1).size() ? shares.get(0) : shares.get(1)).addAll(l));
        List<Supplier<Void>> writers = new ArrayList<>();
        for (List<GeneratedFile> share : shares) {
            writers.add(() -> {
                for (GeneratedFile f : share) {
                    try {
                        writeOne(tmp, target, f);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return null;
            });
        }
        try {
            for (Parallel.Done<Void> d : Parallel.run(writers, List.of(0, 1), 1)) {
                d.get();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void writeOne(Path tmp, Path target, GeneratedFile f) throws IOException {
        Path existing = target.resolve(f.path()).normalize();
        Path p = inside(tmp, f.path());
        if (f.userOwned() && existing.startsWith(target) && Files.isRegularFile(existing)) {
            // written once, then the user's: a replacing write keeps what is there
            Files.copy(existing, p);
        } else {
            Files.writeString(p, f.content(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Applies a regeneration plan to the project at {@code out}.
     *
     * @return the number of files written in the project (not counting {@code .backbone/})
     */
    public static long apply(Path out, RegenerationPlan plan) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (!plan.changesAnything()) {
            return 0;
        }
        Path tmp = null;
        try {
            TempFolders.clean(target);
            tmp = TempFolders.create(target);
            TempFolders.linkTree(target, tmp);
            for (FileAction a : plan.actions()) {
                switch (a.kind()) {
                    case WRITE, MERGE -> writeFile(tmp, a.path(), a.content());
                    case CONFLICT -> writeFile(tmp, a.path() + ".backbone-new", a.content());
                    case REMOVE -> Files.deleteIfExists(inside(tmp, a.path()));
                    default -> { }
                }
            }
            writeFile(tmp, Manifest.FILE, plan.manifest().toJson());
            writeFile(tmp, Manifest.SCHEMA, plan.schemaText());
            bases(tmp, plan.bases());
            TempFolders.swap(tmp, target);
        } catch (IOException e) {
            deleteTree(tmp);
            throw WriteFailure.explain(e, target);
        } catch (RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
        return plan.filesWritten();
    }

    /** The next merge bases in {@link MergeBases#FILE}; the folder of one file per base that earlier projects had goes. */
    private static void bases(Path tmp, Map<String, String> bases) throws IOException {
        writeFile(tmp, MergeBases.FILE, MergeBases.toJson(bases));
        TempFolders.deleteTree(inside(tmp, MergeBases.LEGACY));
    }

    /** Writes a new file: an existing one (perhaps a hard link to the live project) is replaced, never written through. */
    private static void writeFile(Path root, String path, String content) throws IOException {
        Path p = inside(root, path);
        Files.createDirectories(p.getParent());
        Files.deleteIfExists(p);
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    private static Path inside(Path root, String path) throws IOException {
        Path p = root.resolve(path).normalize();
        if (!p.startsWith(root)) {
            throw new IOException("refusing to write outside the output folder: " + path);
        }
        return p;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    /** Deletes a folder tree; quiet when it does not exist. */
    public static void deleteTree(Path root) {
        TempFolders.deleteTree(root);
    }

    /** A fresh name next to {@code target}: {@code .<name>.<kind>-<uuid>}. */
    static Path sibling(Path target, String kind) {
        return target.resolveSibling("." + target.getFileName() + "." + kind + "-" + UUID.randomUUID());
    }
}
