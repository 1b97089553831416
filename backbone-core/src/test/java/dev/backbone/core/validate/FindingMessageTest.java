package dev.backbone.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backbone.core.json.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each finding code has exactly one message template, whichever check raises it: a finding is
 * made only by {@link FindingCode#at}, which words it with the code's template, so a check can
 * give the values of the slots but never a sentence of its own. The corpora's findings are
 * matched against their templates where they are raised ({@link FindingCodeCorpusTest},
 * {@link MutationPropertiesTest}, {@code PipelineFuzzTest}, {@code SchemaChangeTest}); this test
 * holds the structure that makes that true.
 */
class FindingMessageTest {

    /**
     * The codes that name a family of problems, whose template is mostly slots: the format's
     * structure (the problem itself), the JSON syntax (after "invalid JSON: ") and a schema
     * change's losses (what, what changes, what is lost).
     */
    private static final Set<FindingCode> OPEN = Set.of(FindingCode.SCHEMA_VALIDATION_ERROR, FindingCode.JSON_SYNTAX_ERROR,
            FindingCode.DESTRUCTIVE_CHANGE);

    private static final Pattern MADE = Pattern.compile("new\\s+([\\w.]+\\.)?Finding\\s*\\(");

    /** Every main source file of every module, with the text of each. */
    private static List<Path> mainSources() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ProjectRoot.find())) {
            for (Path m : modules.filter(p -> Files.isDirectory(p.resolve("src/main/java"))).sorted().toList()) {
                try (Stream<Path> files = Files.walk(m.resolve("src/main/java"))) {
                    files.filter(p -> p.toString().endsWith(".java")).forEach(out::add);
                }
            }
        }
        return out;
    }

    @Test
    void onlyAFindingCodeMakesAFinding() throws IOException {
        List<Path> sources = mainSources();
        assertThat(sources).as("main sources of the modules").hasSizeGreaterThan(100);
        List<String> makers = new ArrayList<>();
        for (Path f : sources) {
            Matcher m = MADE.matcher(Files.readString(f));
            while (m.find()) {
                makers.add(ProjectRoot.find().relativize(f).toString());
            }
        }
        // FindingCode.at words a new finding; Finding.movedTo copies one to another place
        assertThat(makers).as("sources that make a Finding themselves")
                .containsExactlyInAnyOrder("backbone-core/src/main/java/dev/backbone/core/validate/FindingCode.java",
                        "backbone-core/src/main/java/dev/backbone/core/validate/Finding.java");
    }

    @Test
    void aFindingIsWordedByItsCodesTemplate() {
        Finding f = FindingCode.FK_COLUMN_NOT_FOUND.at(new Position("/schema/0/columns/1/target", 4, 20),
                "`posts.auhtor`", "names column `auhtor`, which table `posts` does not have", "an existing column");
        assertThat(f.message()).isEqualTo("`target` `posts.auhtor` names column `auhtor`, which table `posts` does not"
                + " have; point it at an existing column");
        assertThat(f.code()).isEqualTo("FK_COLUMN_NOT_FOUND");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(FindingCode.FK_COLUMN_NOT_FOUND.template().matches(f.message())).isTrue();
        assertThat(f.movedTo(9, 2).message()).isEqualTo(f.message());
    }

    @Test
    void aMessageWordedElsewhereDoesNotMatch() {
        // a sentence of a check's own, not the code's template, does not pass for it
        assertThat(FindingCode.FK_COLUMN_NOT_FOUND.template().matches("column `x` not found in `posts`")).isFalse();
        assertThat(FindingCode.SECONDARY_TABLE_CONFLICT.template().matches("the many_to_many from `a` to `b` needs a"
                + " generated association table, but `b` has a composite primary key")).isFalse();
        assertThat(FindingCode.DUPLICATE_RELATIONSHIP_NAME.template().matches("`back_populates` `email` names the"
                + " many_to_one to `users` on `Post`, but `Post` already has an attribute `email`")).isFalse();
    }

    @Test
    void aTemplateTakesOneValuePerSlot() {
        MessageTemplate t = new MessageTemplate("table {table} has {count} columns; {table} is wide");
        assertThat(t.slots()).containsExactly("table", "count");
        assertThat(t.fill("`a`", 3)).isEqualTo("table `a` has 3 columns; `a` is wide");
        assertThat(t.matches("table `a` has 3 columns; `a` is wide")).isTrue();
        assertThat(t.matches("table `a` has 3 columns")).isFalse();
        assertThatThrownBy(() -> t.fill("`a`")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 slots");
        assertThat(new MessageTemplate("add {\"name\": \"id\"}").slots()).isEmpty();
    }

    @Test
    void everyTemplateIsItsOwnAndHasWordsOfItsOwn() {
        Set<String> texts = Arrays.stream(FindingCode.values()).map(c -> c.template().text()).collect(Collectors.toSet());
        assertThat(texts).as("one template per code, none shared").hasSize(FindingCode.values().length);
        for (FindingCode c : FindingCode.values()) {
            String literal = c.template().text().replaceAll("\\{[a-z][a-z_]*\\}", "");
            if (!OPEN.contains(c)) {
                assertThat(literal.strip().length()).as("fixed words of %s's template", c).isGreaterThanOrEqualTo(12);
            }
        }
    }
}
