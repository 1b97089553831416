package dev.backbone.core.regenerate;

import java.util.List;
import java.util.Map;

/**
 * Every path regeneration considers, with its action, and the {@code .backbone/} state that
 * follows (manifest, merge bases, the schema). Made without writing anything, so
 * {@code --dry-run} prints it and the writer applies it whole.
 *
 * @param bases the next merge base of every generated path (the text generated now)
 * @param stateChanged whether {@code .backbone/} changes (manifest, bases or schema)
 */
public record RegenerationPlan(List<FileAction> actions, Manifest manifest, Map<String, String> bases, String schemaText,
        boolean stateChanged) {

    public RegenerationPlan {
        actions = List.copyOf(actions);
        bases = Map.copyOf(bases);
    }

    public List<FileAction> of(FileAction.Kind kind) {
        return actions.stream().filter(a -> a.kind() == kind).toList();
    }

    public boolean hasConflicts() {
        return actions.stream().anyMatch(a -> a.kind() == FileAction.Kind.CONFLICT);
    }

    /** Files written in the project (writes, merges, {@code .backbone-new} files), not counting {@code .backbone/}. */
    public long filesWritten() {
        return actions.stream().filter(a -> a.kind() == FileAction.Kind.WRITE || a.kind() == FileAction.Kind.MERGE
                || a.kind() == FileAction.Kind.CONFLICT).count();
    }

    /** Whether anything at all changes, {@code .backbone/} included. */
    public boolean changesAnything() {
        return actions.stream().anyMatch(FileAction::touches) || stateChanged;
    }
}
