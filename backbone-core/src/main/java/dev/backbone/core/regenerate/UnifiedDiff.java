package dev.backbone.core.regenerate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** A unified diff of two texts by JGit, for {@code generate --dry-run}. */
public final class UnifiedDiff {

    private UnifiedDiff() {}

    /** The diff with {@code --- a/path} / {@code +++ b/path} headers; empty when the texts are equal. */
    public static String of(String path, String before, String after) {
        RawText a = new RawText((before == null ? "" : before).getBytes(StandardCharsets.UTF_8));
        RawText b = new RawText((after == null ? "" : after).getBytes(StandardCharsets.UTF_8));
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM).diff(RawTextComparator.DEFAULT, a, b);
        if (edits.isEmpty()) {
            return "";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter f = new DiffFormatter(out)) {
            f.format(edits, a, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "--- " + (before == null ? "/dev/null" : "a/" + path) + "\n+++ " + (after == null ? "/dev/null" : "b/" + path) + "\n"
                + out.toString(StandardCharsets.UTF_8);
    }
}
