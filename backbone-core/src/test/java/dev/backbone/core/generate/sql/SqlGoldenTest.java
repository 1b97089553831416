package dev.backbone.core.generate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.schema.DbType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sql target's output, checked in: a change shows up in review as a diff of these files.
 * Examples: {@code golden/<example>/sql/<path>} (the layout shared with the sqlalchemy target);
 * the SQL corpus on every dialect: {@code golden/sql-corpus/<document>/<db_type>/<path>}.
 * Run with {@code -Dbackbone.updateGolden=true} to rewrite them after an intended change.
 */
class SqlGoldenTest {

    private static final boolean UPDATE = Boolean.getBoolean("backbone.updateGolden");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String example : WorkflowPlans.examples()) {
            out.add(Arguments.of(Named.of(example, example), null, "golden/" + example + "/sql"));
        }
        for (String doc : WorkflowPlans.corpus()) {
            for (DbType db : DbType.values()) {
                out.add(Arguments.of(Named.of("corpus/" + doc, doc), db, "golden/sql-corpus/" + doc + "/" + db.wire()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesTheCheckedInFiles(String document, DbType db, String folder) throws IOException {
        Path dir = WorkflowPlans.root().resolve("backbone-core/src/test/resources").resolve(folder);
        // the workflow adds the project's README.md (not this target's): only this target's files are compared
        List<GeneratedFile> files = WorkflowPlans.generate(document, db, List.of(SqlTarget.NAME)).stream()
                .filter(f -> f.path().equals(SqlTarget.FILE)).toList();
        assertThat(files).hasSize(1);
        for (GeneratedFile f : files) {
            Path golden = dir.resolve(f.path());
            if (UPDATE) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, f.content());
            }
            assertThat(golden).as("golden file (run with -Dbackbone.updateGolden=true to create it)").exists();
            assertThat(f.content()).as(golden.toString()).isEqualTo(Files.readString(golden));
        }
    }
}
