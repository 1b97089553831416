package dev.backbone.core.write;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A write error told as the file system's reason about the output the user named, not about
 * our temporary folder: {@code generate -o /proc/x} says /proc accepts no new files.
 */
public final class WriteFailure extends IOException {

    private static final long serialVersionUID = 1L;

    private WriteFailure(String message, IOException cause) {
        super(message, cause);
    }

    static IOException explain(IOException e, Path target) {
        if (e instanceof WriteFailure || e instanceof ProjectWriter.OutputExistsException) {
            return e;
        }
        Path parent = target.getParent();
        String reason;
        if (readOnly(parent)) {
            reason = "the file system of " + parent + " is read-only";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied (" + shown(e, target) + ")";
        } else if (e instanceof NoSuchFileException && parent != null && Files.isDirectory(parent)) {
            reason = parent + " does not accept new files (the file system answers \"no such file or directory\"; "
                    + "/proc and /sys are such places)";
        } else if (e instanceof NoSuchFileException) {
            reason = "no such folder: " + shown(e, target);
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            reason = f.getReason().toLowerCase(Locale.ROOT) + " (" + shown(e, target) + ")";
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new WriteFailure("cannot write " + target + ": " + reason + "; nothing was changed", e);
    }

    private static boolean readOnly(Path dir) {
        try {
            return dir != null && Files.isDirectory(dir) && Files.getFileStore(dir).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }

    /** The file the error names, as the user knows it: inside the output, not our temporary folder. */
    private static String shown(IOException e, Path target) {
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : String.valueOf(e.getMessage());
        String tmp = "." + target.getFileName() + ".tmp-";
        int i = file.indexOf(tmp);
        if (i >= 0) {
            int slash = file.indexOf('/', i);
            return target + (slash < 0 ? "" : file.substring(slash));
        }
        return file;
    }
}
