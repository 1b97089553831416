package dev.backbone.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.FindingCode;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.validate.ProjectRoot;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published JSON Schema and the reader never drift apart: the same field names and allowed
 * values as the reader and the enums it binds to, every document we ship valid, and each
 * finding fixture invalid exactly when its findings include a shape error the JSON Schema can
 * express ({@link #SHAPE}). Checked with a real validator (networknt, draft 2020-12).
 */
class InputFormatSchemaTest {

    /**
     * The codes whose situations the JSON Schema catches (a wrong type or value, a name that
     * breaks its pattern, a missing or unknown field); docs/schema-format.md lists the same.
     * The rest need the whole document (references, duplicates) or the dialect.
     */
    static final Set<FindingCode> SHAPE = EnumSet.of(FindingCode.SCHEMA_VALIDATION_ERROR, FindingCode.UNKNOWN_FIELD,
            FindingCode.INVALID_PROJECT_NAME, FindingCode.INVALID_DB_TYPE, FindingCode.INVALID_TABLE_NAME,
            FindingCode.INVALID_CLASS_NAME, FindingCode.INVALID_COLUMN_NAME, FindingCode.UNKNOWN_COLUMN_TYPE,
            FindingCode.MISSING_PRIMARY_KEY, FindingCode.NULLABLE_PRIMARY_KEY, FindingCode.INVALID_LENGTH,
            FindingCode.INVALID_AUTOINCREMENT, FindingCode.ENUM_NO_VALUES, FindingCode.ENUM_DUPLICATE_VALUE,
            FindingCode.INVALID_FK_FORMAT, FindingCode.FK_MISSING_TARGET, FindingCode.INVALID_ON_DELETE,
            FindingCode.INVALID_RELATIONSHIP_TYPE, FindingCode.INVALID_ATTRIBUTE_NAME);

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(InputFormatSchema.text(), InputFormat.JSON);

    @Test
    void isAValidDraft202012Schema() {
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        List<Error> errors = meta.validate(InputFormatSchema.text(), InputFormat.JSON);
        assertThat(errors).as("the JSON Schema against the draft 2020-12 meta-schema").isEmpty();
        assertThat(tree().get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void fieldsAreTheReadersFields() {
        JsonNode defs = tree().get("$defs");
        assertThat(names(tree().get("properties"))).isEqualTo(new TreeSet<>(SchemaReader.DOCUMENT_FIELDS));
        assertThat(names(defs.get("table").get("properties"))).isEqualTo(new TreeSet<>(SchemaReader.TABLE_FIELDS));
        assertThat(names(defs.get("table").get("properties").get("options").get("properties")))
                .isEqualTo(new TreeSet<>(SchemaReader.OPTION_FIELDS));
        assertThat(names(defs.get("column").get("properties"))).isEqualTo(new TreeSet<>(SchemaReader.COLUMN_FIELDS));
        assertThat(names(defs.get("relationship").get("properties")))
                .isEqualTo(new TreeSet<>(SchemaReader.RELATIONSHIP_FIELDS));
    }

    @Test
    void valuesAreTheEnumsOfTheModel() {
        JsonNode defs = tree().get("$defs");
        assertThat(strings(tree().get("properties").get("db_type").get("enum")))
                .containsExactlyElementsOf(Arrays.stream(DbType.values()).map(DbType::wire).toList());
        assertThat(strings(defs.get("column").get("properties").get("type").get("enum")))
                .containsExactlyElementsOf(Arrays.stream(ColumnType.values()).map(ColumnType::wire).toList());
        assertThat(strings(defs.get("column").get("properties").get("on_delete").get("enum")))
                .containsExactlyElementsOf(Arrays.stream(OnDelete.values()).map(OnDelete::sql).toList());
        assertThat(strings(defs.get("relationship").get("properties").get("type").get("enum")))
                .containsExactlyElementsOf(Arrays.stream(RelationshipType.values()).map(RelationshipType::wire).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedDocuments")
    void everyDocumentWeShipIsValid(String name, String text) {
        assertThat(SCHEMA.validate(text, InputFormat.JSON)).as(name).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aFixtureIsInvalidExactlyWhenItHasAShapeError(String code, String text) {
        List<String> shapeFindings = new Workflow().validate(text, Limits.DEFAULTS, WorkflowListener.NONE).findings()
                .stream().map(Finding::code).filter(c -> SHAPE.contains(FindingCode.valueOf(c))).toList();
        List<Error> errors = SCHEMA.validate(text, InputFormat.JSON);
        if (shapeFindings.isEmpty()) {
            assertThat(errors).as("%s.json has no shape error, so the JSON Schema must accept it", code).isEmpty();
        } else {
            assertThat(errors).as("%s.json has %s, so the JSON Schema must refuse it", code, shapeFindings).isNotEmpty();
        }
    }

    @Test
    void everyShapeCodeHasAFixtureTheSchemaRefuses() {
        for (FindingCode c : SHAPE) {
            String text = read(fixtures("findings").resolve(c.name() + ".json"));
            assertThat(SCHEMA.validate(text, InputFormat.JSON)).as(c.name()).isNotEmpty();
        }
    }

    @Test
    void theReaderAcceptsTheSchemaKey() {
        String doc = "{\"$schema\": \"../docs/schema/v1.json\", \"project_name\": \"p\", \"db_type\": \"sqlite\","
                + " \"schema\": [{\"table_name\": \"t\", \"class_name\": \"T\","
                + " \"columns\": [{\"name\": \"id\", \"type\": \"Integer\", \"primary_key\": true}]}]}";
        assertThat(SchemaReader.read(doc).findings()).isEmpty();
        assertThat(SCHEMA.validate(doc, InputFormat.JSON)).isEmpty();
    }

    @Test
    void docsCopyIsThePublishedSchema() {
        assertThat(read(ProjectRoot.find().resolve("docs/schema/v1.json"))).isEqualTo(InputFormatSchema.text());
    }

    @Test
    void docsListTheShapeCodes() {
        String docs = read(ProjectRoot.find().resolve("docs/schema-format.md"));
        int at = docs.indexOf("## Editors and the JSON Schema");
        assertThat(at).as("docs/schema-format.md has the JSON Schema section").isPositive();
        String section = docs.substring(at);
        assertThat(SHAPE).allSatisfy(c -> assertThat(section).contains("`" + c.name() + "`"));
    }

    /** Examples, test corpora, the designer's prompt example and the JSON documents of docs/*.md. */
    static Stream<Object[]> shippedDocuments() throws IOException {
        Path root = ProjectRoot.find();
        List<Object[]> docs = new ArrayList<>();
        for (Path dir : List.of(root.resolve("examples"), fixtures("sql-corpus"), fixtures("sqlalchemy-corpus"))) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.toString().endsWith(".json")).sorted()
                        .forEach(p -> docs.add(new Object[] {root.relativize(p).toString(), read(p)}));
            }
        }
        Path prompt = root.resolve("backbone-agents/src/main/resources/dev/backbone/agents/prompts/example.json");
        docs.add(new Object[] {root.relativize(prompt).toString(), read(prompt)});
        Pattern block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            for (Path md : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = block.matcher(read(md));
                while (m.find()) {
                    if (m.group(1).contains("\"project_name\"") && m.group(1).contains("\"table_name\"")) {
                        docs.add(new Object[] {root.relativize(md) + " (a json block)", m.group(1)});
                    }
                }
            }
        }
        assertThat(docs).hasSizeGreaterThan(14);
        return docs.stream();
    }

    /** Every finding fixture that is JSON (the JSON_SYNTAX_ERROR one is not). */
    static Stream<Object[]> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(fixtures("findings"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.endsWith(".expected.json") && !n.endsWith(".limits.json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .filter(c -> !c.equals(FindingCode.JSON_SYNTAX_ERROR.name()))
                    .sorted()
                    .map(c -> new Object[] {c, read(fixtures("findings").resolve(c + ".json"))})
                    .toList().stream();
        }
    }

    private static Path fixtures(String dir) {
        return ProjectRoot.find().resolve("backbone-core/src/test/resources").resolve(dir);
    }

    private static JsonNode tree() {
        return JSON.readTree(InputFormatSchema.text());
    }

    private static TreeSet<String> names(JsonNode object) {
        return new TreeSet<>(object.propertyNames());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> {
            if (!v.isNull()) {
                out.add(v.asString());
            }
        });
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
