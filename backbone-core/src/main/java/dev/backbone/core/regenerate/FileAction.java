package dev.backbone.core.regenerate;

/**
 * What regeneration does with one path of the project.
 *
 * @param content the text written (WRITE, MERGE; for CONFLICT the new version, written beside
 *     the user's file as {@code <path>.backbone-new}); null otherwise
 * @param generated the version generated now (the next merge base), or null when the path is no longer generated
 */
public record FileAction(String path, Kind kind, String content, String generated, String reason) {

    public enum Kind {
        /** A new file, or one the user has not changed whose generated text changed. */
        WRITE("write"),
        /** Generated text unchanged and the file as we left it: nothing to do. */
        UNCHANGED("unchanged"),
        /** The user changed it and so did we: the clean three-way merge is written. */
        MERGE("merge"),
        /** The user changed it, we did not (or it is the user's): left as the user has it. */
        KEEP("keep"),
        /** Both changed the same lines: the user's file untouched, ours beside it as {@code .backbone-new}. */
        CONFLICT("conflict"),
        /** No longer generated and unchanged by the user: removed. */
        REMOVE("remove");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** Whether the action changes the project's files (besides {@code .backbone/}). */
    public boolean touches() {
        return kind == Kind.WRITE || kind == Kind.MERGE || kind == Kind.CONFLICT || kind == Kind.REMOVE;
    }
}
