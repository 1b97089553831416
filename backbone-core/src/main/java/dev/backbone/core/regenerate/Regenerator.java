package dev.backbone.core.regenerate;

import dev.backbone.core.generate.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, for an existing BackBone project, what each path becomes when the project is
 * generated again: the rules of "a user's files are sacred". A file still as we wrote it is
 * ours (rewritten, or removed when no longer generated); a file the user changed is merged
 * three ways (base: what we generated last time, kept in {@link MergeBases}) and left
 * untouched on a conflict, with our version beside it; a file we never generated is never
 * looked at. The base of a conflicting file does not advance, so the conflict is offered
 * again until the user takes our version in.
 */
public final class Regenerator {

    /** Paths under these prefixes are history (migration revisions): kept when no longer rendered. */
    public static final List<String> HISTORY = List.of("migrations/versions/", "migrations/sql/");

    private Regenerator() {}

    /** A fresh project's {@code .backbone/} files: the manifest, the merge bases and the schema. */
    public static List<GeneratedFile> stateFiles(List<GeneratedFile> files, String schemaText) {
        Map<String, Manifest.Entry> entries = new LinkedHashMap<>();
        Map<String, String> bases = new LinkedHashMap<>();
        for (GeneratedFile f : files) {
            entries.put(f.path(), new Manifest.Entry(Manifest.sha256(f.content()), f.userOwned()));
            bases.put(f.path(), f.content());
        }
        List<GeneratedFile> out = new ArrayList<>();
        out.add(new GeneratedFile(MergeBases.FILE, MergeBases.toJson(bases)));
        out.add(new GeneratedFile(Manifest.FILE, new Manifest(entries).toJson()));
        out.add(new GeneratedFile(Manifest.SCHEMA, schemaText));
        return out;
    }

    public static String previousSchema(Path dir) throws IOException {
        Path p = dir.resolve(Manifest.SCHEMA);
        return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
    }

    public static RegenerationPlan plan(Path dir, List<GeneratedFile> files, String schemaText) throws IOException {
        Manifest old = Manifest.read(dir);
        Map<String, String> oldBases = MergeBases.read(dir);
        Map<String, Manifest.Entry> entries = new HashMap<>();
        Map<String, String> bases = new HashMap<>();
        List<FileAction> actions = new ArrayList<>();
        Set<String> rendered = new java.util.HashSet<>();
        for (GeneratedFile f : files) {
            rendered.add(f.path());
            actions.add(generated(dir, f, old.files().get(f.path()), oldBases, entries, bases));
        }
        for (Map.Entry<String, Manifest.Entry> e : old.files().entrySet()) {
            if (!rendered.contains(e.getKey())) {
                FileAction a = notGenerated(dir, e.getKey(), e.getValue(), oldBases, entries, bases);
                if (a != null) {
                    actions.add(a);
                }
            }
        }
        actions.sort(java.util.Comparator.comparing(FileAction::path));
        Manifest next = new Manifest(entries);
        boolean stateChanged = !next.equals(old) || !schemaText.equals(previousSchema(dir)) || !bases.equals(oldBases)
                || !MergeBases.current(dir);
        return new RegenerationPlan(actions, next, bases, schemaText, stateChanged);
    }

    private static FileAction generated(Path dir, GeneratedFile f, Manifest.Entry entry, Map<String, String> oldBases,
            Map<String, Manifest.Entry> entries, Map<String, String> bases) throws IOException {
        String path = f.path();
        String now = f.content();
        Path disk = dir.resolve(path);
        boolean exists = Files.isRegularFile(disk);
        if (entry != null && entry.userOwned() || entry == null && f.userOwned() && exists) {
            entries.put(path, new Manifest.Entry(entry != null ? entry.sha256() : Manifest.sha256(disk), true));
            keepBase(oldBases, path, bases, f.userOwned() ? null : now);
            return new FileAction(path, FileAction.Kind.KEEP, null, null, "yours: written once, then never touched");
        }
        if (entry == null) {
            if (!exists) {
                entries.put(path, new Manifest.Entry(Manifest.sha256(now), f.userOwned()));
                bases.put(path, now);
                return new FileAction(path, FileAction.Kind.WRITE, now, now, "new");
            }
            String theirs = read(disk);
            if (theirs.equals(now)) {
                entries.put(path, new Manifest.Entry(Manifest.sha256(now), false));
                bases.put(path, now);
                return new FileAction(path, FileAction.Kind.UNCHANGED, null, now, "already as generated");
            }
            return new FileAction(path, FileAction.Kind.CONFLICT, now, now, "a file of yours is where BackBone now generates one");
        }
        if (!exists) {
            entries.put(path, entry);
            keepBase(oldBases, path, bases, null);
            return new FileAction(path, FileAction.Kind.KEEP, null, now, "you removed it: not recreated");
        }
        String theirs = read(disk);
        boolean untouched = Manifest.sha256(theirs).equals(entry.sha256());
        Manifest.Entry nextEntry = new Manifest.Entry(Manifest.sha256(now), false);
        if (untouched || theirs.equals(now)) {
            entries.put(path, nextEntry);
            bases.put(path, now);
            return theirs.equals(now) ? new FileAction(path, FileAction.Kind.UNCHANGED, null, now, "unchanged")
                    : new FileAction(path, FileAction.Kind.WRITE, now, now, "regenerated");
        }
        String base = oldBases.get(path);
        if (now.equals(base)) {
            entries.put(path, nextEntry);
            bases.put(path, now);
            return new FileAction(path, FileAction.Kind.KEEP, null, now, "changed by you; BackBone's version did not change");
        }
        ThreeWayMerge.Result m = base == null ? new ThreeWayMerge.Result(null, true) : ThreeWayMerge.merge(base, now, theirs);
        if (m.conflict()) {
            entries.put(path, entry);
            keepBase(oldBases, path, bases, null);
            return new FileAction(path, FileAction.Kind.CONFLICT, now, now, "changed by you and by BackBone in the same lines");
        }
        entries.put(path, nextEntry);
        bases.put(path, now);
        return m.text().equals(theirs) ? new FileAction(path, FileAction.Kind.KEEP, null, now, "your change already holds ours")
                : new FileAction(path, FileAction.Kind.MERGE, m.text(), now, "your change merged with BackBone's");
    }

    private static FileAction notGenerated(Path dir, String path, Manifest.Entry entry, Map<String, String> oldBases,
            Map<String, Manifest.Entry> entries, Map<String, String> bases) throws IOException {
        Path disk = dir.resolve(path);
        boolean history = HISTORY.stream().anyMatch(path::startsWith);
        if (entry.userOwned() || history) {
            entries.put(path, entry);
            keepBase(oldBases, path, bases, null);
            if (!Files.isRegularFile(disk)) {
                return null;
            }
            boolean same = Manifest.sha256(disk).equals(entry.sha256());
            return new FileAction(path, same ? FileAction.Kind.UNCHANGED : FileAction.Kind.KEEP, null, null,
                    history ? "an earlier migration revision" : "yours: written once, then never touched");
        }
        if (!Files.isRegularFile(disk)) {
            return null;
        }
        if (Manifest.sha256(disk).equals(entry.sha256())) {
            return new FileAction(path, FileAction.Kind.REMOVE, null, null, "no longer generated");
        }
        return new FileAction(path, FileAction.Kind.KEEP, null, null, "no longer generated; kept because you changed it (now yours)");
    }

    private static void keepBase(Map<String, String> oldBases, String path, Map<String, String> bases, String fallback) {
        String b = oldBases.get(path);
        if (b != null) {
            bases.put(path, b);
        } else if (fallback != null) {
            bases.put(path, fallback);
        }
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
