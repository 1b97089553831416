package dev.backbone.core.regenerate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeFormatter;
import org.eclipse.jgit.merge.MergeResult;

/**
 * A line-based three-way merge by JGit's {@link MergeAlgorithm} (histogram diff), as
 * {@code git merge-file} does it: base is the version we generated last time, ours the one we
 * generate now, theirs the user's file.
 */
public final class ThreeWayMerge {

    /** The merged text when clean; {@code conflict} true when both sides changed the same lines. */
    public record Result(String text, boolean conflict) {}

    private ThreeWayMerge() {}

    public static Result merge(String base, String ours, String theirs) {
        MergeAlgorithm algorithm = new MergeAlgorithm(DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM));
        MergeResult<RawText> r = algorithm.merge(RawTextComparator.DEFAULT, raw(base), raw(ours), raw(theirs));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new MergeFormatter().formatMerge(out, r, List.of("generated before", "generated now", "yours"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(out.toString(StandardCharsets.UTF_8), r.containsConflicts());
    }

    private static RawText raw(String s) {
        return new RawText(s.getBytes(StandardCharsets.UTF_8));
    }
}
