package dev.backbone.core.regenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.write.ProjectWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regeneration of a generated blog project after the user edited it and the schema changed:
 * edits survive (a clean merge), a conflict leaves the user's file untouched with ours beside
 * it, files we never generated are not touched, and nothing outside the manifest changes
 * (whole trees compared).
 */
class RegenerationScenarioTest {

    private static final String USER_CODE = "\n\ndef published_count() -> int:\n    \"\"\"Written by the user.\"\"\"\n    return 0\n";

    private static String blog() {
        return read(root().resolve("examples/blog_schema.json"));
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** The blog with a new table (tags) and a new column (posts.views). */
    private static String changed(String blog) {
        var doc = (tools.jackson.databind.node.ObjectNode) JSON.readTree(blog);
        var tables = (tools.jackson.databind.node.ArrayNode) doc.get("schema");
        tables.insert(0, JSON.readTree("""
                {"table_name": "tags", "class_name": "Tag", "columns": [
                  {"name": "id", "type": "Integer", "primary_key": true},
                  {"name": "label", "type": "String", "length": 40, "nullable": false, "unique": true}]}"""));
        for (var t : tables) {
            if (t.get("table_name").asString().equals("posts")) {
                ((tools.jackson.databind.node.ArrayNode) t.get("columns")).add(JSON.readTree(
                        "{\"name\": \"views\", \"type\": \"Integer\", \"default\": 0}"));
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    }

    /** The blog with posts.title 300 characters long. */
    private static String widerTitle(String blog) {
        var doc = JSON.readTree(blog);
        for (var t : doc.get("schema")) {
            for (var c : t.get("columns")) {
                if (t.get("table_name").asString().equals("posts") && c.get("name").asString().equals("title")) {
                    ((tools.jackson.databind.node.ObjectNode) c).put("length", 300);
                }
            }
        }
        return JSON.writeValueAsString(doc);
    }

    @Test
    void editsSurviveCustomFilesAreUntouchedAndAMigrationIsAdded(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("blog");
        Projects.create(p, blog());
        Path posts = p.resolve("app/models/posts.py");
        Files.writeString(posts, Files.readString(posts) + USER_CODE);
        Files.writeString(p.resolve("app/custom_routes.py"), "# mine\n");
        Files.writeString(p.resolve("notes.txt"), "remember\n");
        Map<String, String> before = Projects.tree(p);
        Set<String> ours = new HashSet<>(Manifest.read(p).files().keySet());

        Regeneration.Prepared r = Projects.prepare(p, changed(blog()));
        assertThat(r.revision()).isNotNull();
        assertThat(r.plan().hasConflicts()).isFalse();
        assertThat(r.plan().of(FileAction.Kind.MERGE)).extracting(FileAction::path).contains("app/models/posts.py");
        assertThat(r.plan().of(FileAction.Kind.WRITE)).extracting(FileAction::path)
                .contains("app/models/tags.py", r.revision().alembicPath(), r.revision().sqlPath());
        ProjectWriter.apply(p, r.plan());

        String merged = Files.readString(posts);
        assertThat(merged).contains("def published_count() -> int:").contains("views: Mapped[int | None]");
        assertThat(Files.readString(p.resolve("app/custom_routes.py"))).isEqualTo("# mine\n");
        assertThat(Files.readString(p.resolve("notes.txt"))).isEqualTo("remember\n");
        assertThat(p.resolve("migrations/versions/0001_initial.py")).exists();
        assertThat(Files.readString(p.resolve(r.revision().alembicPath()))).contains("down_revision: str | None = \"0002\"".replace("0002", "0001"))
                .contains("batch_op.add_column").contains("\"views\"");
        Map<String, String> after = Projects.tree(p);
        ours.addAll(Manifest.read(p).files().keySet());
        before.forEach((path, hash) -> {
            if (!ours.contains(path) && !path.startsWith(".backbone/")) {
                assertThat(after.get(path)).as("outside the manifest: " + path).isEqualTo(hash);
            }
        });
        after.keySet().forEach(path -> assertThat(before.containsKey(path) || ours.contains(path) || path.startsWith(".backbone/"))
                .as("new path outside the manifest: " + path).isTrue());

        // the edit is kept by the next regeneration too (the manifest records what we generated, not the merge)
        Regeneration.Prepared again = Projects.prepare(p, changed(blog()));
        assertThat(again.revision()).isNull();
        assertThat(again.plan().filesWritten()).isZero();
        assertThat(again.plan().changesAnything()).isFalse();
        assertThat(ProjectWriter.apply(p, again.plan())).isZero();
        assertThat(Projects.tree(p)).isEqualTo(after);
    }

    @Test
    void aProjectWithOneFilePerMergeBaseIsMergedAndMovedToBaseJson(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("blog");
        Projects.create(p, blog());
        // the layout that projects written before base.json have: .backbone/base/<path>
        Map<String, String> bases = MergeBases.read(p);
        assertThat(bases).containsKey("app/models/posts.py").hasSize(Manifest.read(p).files().size());
        for (Map.Entry<String, String> e : bases.entrySet()) {
            Path legacy = p.resolve(MergeBases.LEGACY + e.getKey());
            Files.createDirectories(legacy.getParent());
            Files.writeString(legacy, e.getValue(), StandardCharsets.UTF_8);
        }
        Files.delete(p.resolve(MergeBases.FILE));
        assertThat(MergeBases.read(p)).isEqualTo(bases);
        Path posts = p.resolve("app/models/posts.py");
        Files.writeString(posts, Files.readString(posts) + USER_CODE);

        Regeneration.Prepared r = Projects.prepare(p, changed(blog()));
        assertThat(r.plan().of(FileAction.Kind.MERGE)).extracting(FileAction::path).contains("app/models/posts.py");
        ProjectWriter.apply(p, r.plan());

        assertThat(Files.readString(posts)).contains("def published_count() -> int:").contains("views: Mapped[int | None]");
        assertThat(p.resolve(MergeBases.LEGACY)).doesNotExist();
        assertThat(MergeBases.read(p)).containsEntry("app/models/posts.py", Projects.generate(changed(blog())).files().stream()
                .filter(f -> f.path().equals("app/models/posts.py")).findFirst().orElseThrow().content());
    }

    @Test
    void anUnchangedProjectInTheOlderLayoutIsMovedToBaseJsonAndNothingElseChanges(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("blog");
        Projects.create(p, blog());
        for (Map.Entry<String, String> e : MergeBases.read(p).entrySet()) {
            Path legacy = p.resolve(MergeBases.LEGACY + e.getKey());
            Files.createDirectories(legacy.getParent());
            Files.writeString(legacy, e.getValue(), StandardCharsets.UTF_8);
        }
        Files.delete(p.resolve(MergeBases.FILE));
        Map<String, String> before = Projects.tree(p);

        Regeneration.Prepared r = Projects.prepare(p, blog());
        assertThat(r.plan().filesWritten()).isZero();
        assertThat(r.plan().changesAnything()).isTrue();
        ProjectWriter.apply(p, r.plan());

        Map<String, String> after = Projects.tree(p);
        assertThat(p.resolve(MergeBases.FILE)).isRegularFile();
        before.forEach((path, hash) -> {
            if (!path.startsWith(".backbone/")) {
                assertThat(after.get(path)).as(path).isEqualTo(hash);
            }
        });
        assertThat(after.keySet()).noneMatch(k -> k.startsWith(MergeBases.LEGACY));
        assertThat(Projects.prepare(p, blog()).plan().changesAnything()).isFalse();
    }

    @Test
    void aConflictLeavesTheUsersFileUntouchedWithOursBesideIt(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("blog");
        Projects.create(p, blog());
        Path posts = p.resolve("app/models/posts.py");
        String mine = Files.readString(posts).replace("sa.String(200), nullable=False)\n", "sa.String(250), nullable=False)  # longer\n");
        assertThat(mine).isNotEqualTo(Files.readString(posts));
        Files.writeString(posts, mine);
        String wider = widerTitle(blog());
        assertThat(wider).isNotEqualTo(blog());

        Regeneration.Prepared r = Projects.prepare(p, wider);
        assertThat(r.plan().of(FileAction.Kind.CONFLICT)).extracting(FileAction::path).containsExactly("app/models/posts.py");
        ProjectWriter.apply(p, r.plan());
        assertThat(Files.readString(posts)).isEqualTo(mine);
        assertThat(Files.readString(p.resolve("app/models/posts.py.backbone-new"))).contains("sa.String(300)");
        // the conflict is offered again until the user takes the new version in
        assertThat(Projects.prepare(p, wider).plan().hasConflicts()).isTrue();
    }

    @Test
    void filesNoLongerGeneratedAreRemovedUnlessTheUserChangedThem(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("blog");
        Projects.create(p, changed(blog()));
        Files.writeString(p.resolve("app/models/users.py"), Files.readString(p.resolve("app/models/users.py")) + USER_CODE);
        String without = blog();
        Regeneration.Prepared r = Projects.prepare(p, without);
        assertThat(r.plan().of(FileAction.Kind.REMOVE)).extracting(FileAction::path).contains("app/models/tags.py");
        assertThat(r.revision().destructive()).isTrue();
        assertThat(r.findings()).anyMatch(f -> f.code().equals("DESTRUCTIVE_CHANGE") && f.message().contains("tags"));
        ProjectWriter.apply(p, r.plan());
        assertThat(p.resolve("app/models/tags.py")).doesNotExist();
        assertThat(Files.readString(p.resolve("app/models/users.py"))).contains("published_count");
    }

    @Test
    void aUserOwnedFileIsWrittenOnceAndThenNeverTouched(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("proj");
        List<GeneratedFile> first = List.of(new GeneratedFile("app/main.py", "v1\n"), GeneratedFile.userOwned("app/api/custom.py", "# hooks v1\n"));
        List<GeneratedFile> all = new java.util.ArrayList<>(first);
        all.addAll(Regenerator.stateFiles(first, "{}"));
        ProjectWriter.write(p, all, false);
        Files.writeString(p.resolve("app/api/custom.py"), "# my routes\n");
        List<GeneratedFile> second = List.of(new GeneratedFile("app/main.py", "v2\n"), GeneratedFile.userOwned("app/api/custom.py", "# hooks v2\n"));
        RegenerationPlan plan = Regenerator.plan(p, second, "{}");
        ProjectWriter.apply(p, plan);
        assertThat(Files.readString(p.resolve("app/api/custom.py"))).isEqualTo("# my routes\n");
        assertThat(Files.readString(p.resolve("app/main.py"))).isEqualTo("v2\n");
        assertThat(Manifest.read(p).files().get("app/api/custom.py").userOwned()).isTrue();
        // no longer rendered at all: still the user's
        ProjectWriter.apply(p, Regenerator.plan(p, List.of(new GeneratedFile("app/main.py", "v2\n")), "{}"));
        assertThat(p.resolve("app/api/custom.py")).exists();
    }

    static Path root() {
        return Files.isDirectory(Path.of("examples")) ? Path.of(".") : Path.of("..");
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
