package dev.backbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate} into an existing project and {@code diff}, driven as a user types them. */
class RegenerateCommandTest {

    @TempDir
    Path tmp;

    private Path schema(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static String blog() throws Exception {
        return Files.readString(CliRunner.example("blog_schema.json"));
    }

    @Test
    void regeneratesInPlaceKeepsEditsAndRefusesDestructiveChanges() throws Exception {
        Path out = tmp.resolve("blog");
        Path v1 = schema("v1.json", blog());
        assertThat(CliRunner.run("generate", v1.toString(), "-o", out.toString()).exit()).isZero();
        assertThat(out.resolve(".backbone/manifest.json")).isRegularFile();
        assertThat(out.resolve("migrations/versions/0001_initial.py")).isRegularFile();

        CliRunner.Run same = CliRunner.run("generate", v1.toString(), "-o", out.toString());
        assertThat(same.exit()).as(same.out() + same.err()).isZero();
        assertThat(same.out()).contains(" unchanged, 5 keep (0 files written)").contains("keep app/api/custom.py: yours")
                .doesNotContain("migration ");

        Path posts = out.resolve("app/models/posts.py");
        Files.writeString(posts, Files.readString(posts) + "\n\n# my note\n");
        // comments becomes remarks without renamed_from: a drop and a create
        String v2text = blog().replace("\"comments\"", "\"remarks\"").replace("\"Comment\"", "\"Remark\"");
        Path v2 = schema("v2.json", v2text);
        CliRunner.Run dry = CliRunner.run("generate", v2.toString(), "-o", out.toString(), "--dry-run", "--allow-destructive");
        assertThat(dry.out()).contains("dry run:").contains("nothing was changed");
        assertThat(out.resolve("migrations/versions")).isDirectoryNotContaining("glob:**/0002_*");

        CliRunner.Run refused = CliRunner.run("generate", v2.toString(), "-o", out.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("DESTRUCTIVE_CHANGE");
        assertThat(refused.err()).contains("--allow-destructive");
        assertThat(out.resolve("migrations/versions")).isDirectoryNotContaining("glob:**/0002_*");
    }

    @Test
    void aConflictExitsOneUnlessAccepted() throws Exception {
        Path out = tmp.resolve("blog");
        Path v1 = schema("v1.json", blog());
        assertThat(CliRunner.run("generate", v1.toString(), "-o", out.toString()).exit()).isZero();
        Path posts = out.resolve("app/models/posts.py");
        String mine = Files.readString(posts).replace("sa.String(200), nullable=False)\n", "sa.String(250), nullable=False)  # mine\n");
        Files.writeString(posts, mine);
        Path v2 = schema("v2.json", blog().replaceFirst("\"length\": 200", "\"length\": 300"));
        CliRunner.Run r = CliRunner.run("generate", v2.toString(), "-o", out.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("conflict app/models/posts.py");
        assertThat(Files.readString(posts)).isEqualTo(mine);
        assertThat(out.resolve("app/models/posts.py.backbone-new")).isRegularFile();
        assertThat(out.resolve("migrations/versions")).isDirectoryContaining("glob:**/0002_alter_posts_title.py");
        CliRunner.Run accepted = CliRunner.run("generate", v2.toString(), "-o", out.toString(), "--accept-conflicts");
        assertThat(accepted.exit()).as(accepted.out() + accepted.err()).isZero();
    }

    @Test
    void diffPrintsTheMigrationInEachFormat() throws Exception {
        Path a = schema("a.json", blog());
        Path b = schema("b.json", blog().replaceFirst("\"length\": 200", "\"length\": 300"));
        CliRunner.Run text = CliRunner.run("diff", a.toString(), b.toString());
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("alter column posts.title");
        CliRunner.Run alembic = CliRunner.run("diff", a.toString(), b.toString(), "--format", "alembic");
        assertThat(alembic.out()).contains("def upgrade() -> None:", "sa.String(300)", "down_revision: str | None = \"0001\"");
        CliRunner.Run sql = CliRunner.run("diff", a.toString(), b.toString(), "--format", "sql");
        assertThat(sql.out()).contains("ALTER TABLE posts ALTER COLUMN title TYPE VARCHAR(300)");
        CliRunner.Run narrow = CliRunner.run("diff", b.toString(), a.toString());
        assertThat(narrow.err()).contains("DESTRUCTIVE_CHANGE");
        assertThat(CliRunner.run("diff", a.toString(), b.toString(), "--format", "yaml").exit()).isEqualTo(2);
    }
}
