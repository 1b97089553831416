package dev.backbone.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.backbone.core.json.JsonSyntaxException;
import dev.backbone.core.json.PositionalJsonParser;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.FindingCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SchemaReader#read(String)} binds each table while the parser streams the {@code schema}
 * array. What the user sees must not change: a syntax error anywhere still means one finding and
 * no model, the document's findings still come before the tables', and the result is the one
 * binding the whole tree gives.
 */
class SchemaReaderStreamingTest {

    /** Three tables; the first two carry an unknown field each, the document one after {@code schema}. */
    private static final String DOC = """
            {"db_type": "postgresql", "schema": [
              {"table_name": "users", "class_name": "User", "colour": "red", "columns": [
                {"name": "id", "type": "Integer", "primary_key": true}
              ]},
              {"table_name": "posts", "class_name": "Post", "columns": [
                {"name": "id", "type": "Integer", "primary_key": true, "size": 3}
              ]},
              {"table_name": "tags", "class_name": "Tag", "columns": [
                {"name": "id", "type": "Integer", "primary_key": true}
              ]}
            ],
            "extra": true}""";

    @Test
    void aDuplicateKeyInTheThirdTableIsTheOnlyFinding() {
        String text = DOC.replace("\"class_name\": \"Tag\"", "\"class_name\": \"Tag\", \"table_name\": \"x\"");
        SchemaReader.Result r = SchemaReader.read(text);
        assertThat(r.schema()).isNull();
        assertThat(r.findings()).containsExactly(new Finding(FindingCode.JSON_SYNTAX_ERROR.severity(),
                "JSON_SYNTAX_ERROR", "invalid JSON: duplicate key \"table_name\": a key may appear only once in an object",
                "", 8, 47));
    }

    @ParameterizedTest(name = "cut after {0} characters of the third table")
    @ValueSource(ints = {0, 1, 25, 60})
    void truncatedTextAfterSomeTablesIsTheOnlyFinding(int more) {
        String text = DOC.substring(0, DOC.indexOf("{\"table_name\": \"tags\"") + more);
        SchemaReader.Result r = SchemaReader.read(text);
        assertThat(r.schema()).isNull();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("JSON_SYNTAX_ERROR");
            assertThat(f.message()).startsWith("invalid JSON: ");
            assertThat(f.path()).isEmpty();
        });
    }

    @Test
    void aFailedReadLeavesNothingBehindForTheNext() {
        SchemaReader.read(DOC.substring(0, DOC.length() - 3));
        assertThat(SchemaReader.read(DOC).findings()).extracting(Finding::code)
                .containsExactly("UNKNOWN_FIELD", "SCHEMA_VALIDATION_ERROR", "UNKNOWN_FIELD", "UNKNOWN_FIELD");
    }

    @Test
    void theDocumentsFindingsComeFirst() {
        SchemaReader.Result r = SchemaReader.read(DOC);
        assertThat(r.findings()).extracting(Finding::code, Finding::path, Finding::line, Finding::column).containsExactly(
                tuple("UNKNOWN_FIELD", "/extra", 12, 1),
                tuple("SCHEMA_VALIDATION_ERROR", "/project_name", 1, 1),
                tuple("UNKNOWN_FIELD", "/schema/0/colour", 2, 49),
                tuple("UNKNOWN_FIELD", "/schema/1/columns/0/size", 6, 60));
        assertThat(r.schema().tables()).extracting(Table::tableName).containsExactly("users", "posts", "tags");
        assertThat(r.schema().tables()).extracting(Table::index).containsExactly(0, 1, 2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{\"tables\": []}", "\"users\"", "42", "null", "true"})
    void aSchemaThatIsNotAnArrayIsOneWrongTypeFinding(String value) {
        SchemaReader.Result r = SchemaReader.read("{\"project_name\": \"p\", \"db_type\": \"sqlite\",\n \"schema\": "
                + value + "}");
        if (value.equals("null")) {
            assertThat(r.findings()).extracting(Finding::message).containsExactly("missing required field `schema`");
            return;
        }
        String type = value.startsWith("{") ? "an object" : value.startsWith("\"") ? "a string"
                : value.equals("42") ? "an integer" : "a boolean";
        assertThat(r.findings()).extracting(Finding::code, Finding::message, Finding::path, Finding::line, Finding::column)
                .containsExactly(tuple("SCHEMA_VALIDATION_ERROR", "`schema` must be an array, not " + type, "/schema", 2, 12));
        assertThat(r.schema()).isNotNull();
        assertThat(r.schema().tables()).isEmpty();
        assertThat(r.schema().projectName()).isEqualTo("p");
    }

    @ParameterizedTest(name = "document {index}")
    @ValueSource(strings = {
        DOC,
        "{\"project_name\": \"p\", \"db_type\": \"mysql\", \"schema\": []}",
        "{\"schema\": [5, {\"table_name\": 1, \"options\": {\"use_timestamps\": \"y\", \"x\": 0}, \"columns\": [null,"
                + " {\"name\": \"e\", \"type\": \"Enum\", \"values\": [\"a\", 2, \"b\"], \"default\": \"a\"}]}],"
                + " \"project_name\": 3, \"bogus\": {}}",
        "{\"project_name\": \"p\", \"db_type\": \"sqlite\", \"schema\": [{\"table_name\": \"a\", \"class_name\": \"A\","
                + " \"columns\": [], \"relationships\": [{\"target_table\": \"b\", \"tpye\": 1}, 7]}], \"description\": 2}"
    })
    void streamingBindsWhatTheWholeTreeBinds(String text) throws JsonSyntaxException {
        SchemaReader.Result streamed = SchemaReader.read(text);
        SchemaReader.Result whole = SchemaReader.read(PositionalJsonParser.parse(text));
        assertThat(streamed.findings()).containsExactlyElementsOf(whole.findings());
        assertThat(streamed.schema()).isEqualTo(whole.schema());
    }

    @Test
    void aDocumentThatIsNotAnObjectIsOneFinding() {
        SchemaReader.Result r = SchemaReader.read("[{\"schema\": []}]");
        assertThat(r.schema()).isNull();
        assertThat(r.findings()).extracting(Finding::code, Finding::path)
                .containsExactly(tuple("SCHEMA_VALIDATION_ERROR", ""));
        assertThat(r.findings().get(0).message()).endsWith("not an array");
    }
}
