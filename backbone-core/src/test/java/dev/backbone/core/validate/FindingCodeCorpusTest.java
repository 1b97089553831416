package dev.backbone.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.json.JsonNode;
import dev.backbone.core.json.JsonNode.JsonNumber;
import dev.backbone.core.json.JsonNode.JsonObject;
import dev.backbone.core.json.JsonNode.JsonString;
import dev.backbone.core.json.PositionalJsonParser;
import dev.backbone.core.schema.SchemaReader;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fixture document per finding code ({@code src/test/resources/findings/<CODE>.json}), run
 * through the whole workflow: the code must come out at the path, line and column written in
 * {@code <CODE>.expected.json}. An optional {@code <CODE>.limits.json} overrides fields of
 * {@link Limits#DEFAULTS} (for the TOO_MANY_* codes). Adding a code without a fixture fails
 * {@link #everyFindingCodeHasAFixture()}. Every finding of every fixture must have its code's one
 * wording ({@link FindingCode#template()}).
 */
class FindingCodeCorpusTest {

    static Path fixtures() {
        try {
            return Path.of(FindingCodeCorpusTest.class.getResource("/findings").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> fixtureCodes() throws IOException {
        try (Stream<Path> files = Files.list(fixtures())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".expected.json"))
                    .map(n -> n.substring(0, n.length() - ".expected.json".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void everyFindingCodeHasAFixture() throws IOException {
        List<String> have = fixtureCodes().toList();
        // a schema change's codes need two documents: SchemaChangeTest reports them at their place
        List<String> change = List.of("RENAMED_FROM_NOT_FOUND", "DESTRUCTIVE_CHANGE", "NOT_NULL_WITHOUT_DEFAULT");
        List<String> missing = Arrays.stream(FindingCode.values()).map(Enum::name).filter(c -> !have.contains(c))
                .filter(c -> !change.contains(c)).toList();
        assertThat(missing).as("finding codes without a fixture in src/test/resources/findings").isEmpty();
    }

    @Test
    void everyFixtureNamesAFindingCode() throws IOException {
        List<String> codes = Arrays.stream(FindingCode.values()).map(Enum::name).toList();
        assertThat(fixtureCodes().toList()).isNotEmpty().allSatisfy(c -> assertThat(codes).contains(c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureCodes")
    void fixtureReportsItsCodeAtTheExpectedPlace(String code) throws Exception {
        String text = Files.readString(fixtures().resolve(code + ".json"));
        JsonObject expected = (JsonObject) PositionalJsonParser.parse(Files.readString(fixtures().resolve(code + ".expected.json")));
        String path = ((JsonString) expected.get("path")).value();
        int line = ((JsonNumber) expected.get("line")).value().intValueExact();
        int column = ((JsonNumber) expected.get("column")).value().intValueExact();

        List<Finding> findings = run(text, limits(code));
        assertThat(findings).as("every finding of %s.json is worded by its code's template", code)
                .allSatisfy(f -> assertThat(FindingCode.valueOf(f.code()).template().matches(f.message()))
                        .as("%s: %s", f.code(), f.message()).isTrue());

        assertThat(findings).as("findings of %s.json", code)
                .anySatisfy(f -> {
                    assertThat(f.code()).isEqualTo(code);
                    assertThat(f.severity()).isEqualTo(FindingCode.valueOf(code).severity());
                    assertThat(f.path()).isEqualTo(path);
                    assertThat(f.line()).isEqualTo(line);
                    assertThat(f.column()).isEqualTo(column);
                });
    }

    /** The workflow's findings: reader, validator and architect, as users get them. */
    private static List<Finding> run(String text, Limits limits) {
        return new Workflow().validate(text, limits, WorkflowListener.NONE).findings();
    }

    private static Limits limits(String code) {
        Path file = fixtures().resolve(code + ".limits.json");
        if (!Files.exists(file)) {
            return Limits.DEFAULTS;
        }
        try {
            JsonObject o = (JsonObject) PositionalJsonParser.parse(Files.readString(file));
            Limits d = Limits.DEFAULTS;
            return new Limits(
                    intOr(o, "maxTables", d.maxTables()),
                    intOr(o, "maxColumnsPerTable", d.maxColumnsPerTable()),
                    intOr(o, "maxRelationshipsPerTable", d.maxRelationshipsPerTable()),
                    intOr(o, "maxStringLength", d.maxStringLength()),
                    intOr(o, "maxArrayLength", d.maxArrayLength()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("bad " + file + ": " + e.getMessage(), e);
        }
    }

    private static int intOr(JsonObject o, String field, int fallback) {
        JsonNode v = o.get(field);
        return v instanceof JsonNumber n ? n.value().intValueExact() : fallback;
    }
}
