package dev.backbone.cli;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.regenerate.Regenerator;
import dev.backbone.core.write.ProjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A new project written into the writer's temporary folder next to the output on a thread of its
 * own, while the workflow verifies the same files: writing (a thousand new files for 200 tables)
 * and verifying then share the machine's cores instead of taking turns. Nothing appears in the
 * output folder before {@link #commit()}, which the command calls only once verification passed
 * (and, with --force, the user agreed); every other way out {@link #discard() discards} it.
 */
final class StagedWrite {

    private final FutureTask<ProjectWriter.Staged> task;

    private StagedWrite(FutureTask<ProjectWriter.Staged> task) {
        this.task = task;
    }

    /**
     * Starts writing the project's files and its {@code .backbone/} state (a SHA-256 of every
     * file, the merge bases), computed first on the same thread: computed on a third thread it
     * cost more CPU than it saved time, the JIT compilers falling behind three cold threads.
     */
    static StagedWrite start(Path output, List<GeneratedFile> files, String schemaText, boolean force) {
        FutureTask<ProjectWriter.Staged> task = new FutureTask<>(() -> {
            List<GeneratedFile> all = new ArrayList<>(files);
            all.addAll(Regenerator.stateFiles(files, schemaText));
            return ProjectWriter.stage(output, all, force);
        });
        Thread t = new Thread(task, "backbone-write");
        t.setDaemon(true);
        t.start();
        return new StagedWrite(task);
    }

    /** Moves the written project into place; a write error is reported as the writer reports it. */
    void commit() throws IOException {
        staged().commit();
    }

    /** Waits for the write to end and removes what it wrote; quiet about its errors (nothing is published). */
    void discard() {
        try {
            staged().discard();
        } catch (IOException | RuntimeException e) {
            // the write failed on its own: it removed its temporary folder
        }
    }

    private ProjectWriter.Staged staged() throws IOException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing", e);
        }
    }
}
