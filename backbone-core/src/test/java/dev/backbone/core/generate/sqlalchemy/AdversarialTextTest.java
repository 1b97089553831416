package dev.backbone.core.generate.sqlalchemy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.verify.python.PythonToolchain;
import dev.backbone.core.verify.python.PythonTools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile text (quotes, triple quotes, backslashes, newlines, template syntax, comment
 * markers, bidirectional overrides, control characters, a docstring that tries to break out
 * and run {@code os.system}) is data in the generated Python: imported, every docstring,
 * comment, default, enum value and relationship doc equals the input exactly, no generated
 * module gains a name it should not have, the command never ran, and PostgreSQL stores the
 * same comments and enum labels.
 */
class AdversarialTextTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void hostileTextIsDataOnSqliteAndPostgres(@TempDir Path dir) throws IOException {
        PythonToolchain py = PythonTools.require();
        String text = Generation.read(GeneratedCorpus.corpusFiles().stream()
                .filter(p -> p.getFileName().toString().equals("adversarial.json")).findFirst().orElseThrow());
        JsonNode doc = JSON.readTree(text);
        Generation.write(dir.resolve("adv_pg"), Generation.render(Generation.plan(text)));
        String sqlite = text.replaceFirst("\"db_type\": \"postgresql\"", "\"db_type\": \"sqlite\"");
        Generation.write(dir.resolve("adv_sqlite"), Generation.render(Generation.plan(sqlite)));

        for (JsonNode report : introspect(py, dir, List.of("adv_pg.app", "adv_sqlite.app"), null)) {
            assertExposesInput(doc, report);
        }
        try (PostgresTestDb db = PostgresTestDb.create()) {
            JsonNode report = introspect(py, dir, List.of("adv_pg.app"), db.sqlalchemyUrl()).get(0);
            assertExposesInput(doc, report);
            assertDatabaseHoldsInput(doc, report.get("database"));
        }
        assertThat(dir.resolve("pwned_marker")).as("the breakout command must never run").doesNotExist();
    }

    private static List<JsonNode> introspect(PythonToolchain py, Path dir, List<String> packages, String url) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("packages", packages);
        config.put("url", url);
        Map<String, String> schemas = new LinkedHashMap<>();
        packages.forEach(p -> schemas.put(p, p.replace('.', '_')));
        config.put("schemas", schemas);
        PythonToolchain.ScriptResult r = py.runScript(dir, script(), List.of(JSON.writeValueAsString(config)));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(r.stdout().strip()).forEach(out::add);
        return out;
    }

    private static void assertExposesInput(JsonNode doc, JsonNode report) {
        String where = report.get("package").asString();
        assertThat(report.get("app_doc").asString()).as(where + " package docstring").isEqualTo(doc.get("description").asString());
        for (JsonNode table : doc.get("schema")) {
            String name = table.get("table_name").asString();
            JsonNode model = report.get("tables").get(name);
            assertThat(model).as(where + " " + name).isNotNull();
            String description = table.get("description").asString();
            assertThat(model.get("doc").asString()).as(where + " " + name + " docstring").isEqualTo(description);
            assertThat(model.get("comment").asString()).as(where + " " + name + " comment").isEqualTo(description);
            for (JsonNode column : table.get("columns")) {
                JsonNode generated = model.get("columns").get(column.get("name").asString());
                String label = where + " " + name + "." + column.get("name").asString();
                if (column.has("description")) {
                    assertThat(generated.get("comment").asString()).as(label + " comment").isEqualTo(column.get("description").asString());
                }
                String type = column.get("type").asString();
                if (column.has("default") && (type.equals("String") || type.equals("Text") || type.equals("Enum"))) {
                    assertThat(generated.get("default").asString()).as(label + " default").isEqualTo(column.get("default").asString());
                }
            }
            List<String> docs = new ArrayList<>();
            model.get("relationships").forEach(d -> docs.add(d.isNull() ? null : d.asString()));
            List<String> expected = new ArrayList<>();
            if (table.has("relationships")) {
                table.get("relationships").forEach(r -> expected.add(r.has("description") ? r.get("description").asString() : null));
            }
            assertThat(docs).as(where + " " + name + " relationship docs").containsExactlyInAnyOrderElementsOf(expected);
        }
        JsonNode mood = doc.get("schema").get(0).get("columns").findValues("values").get(0);
        List<String> labels = new ArrayList<>();
        mood.forEach(v -> labels.add(v.asString()));
        assertThat(strings(report.get("enums").get("NoteMood"))).as(where + " enum values").containsExactlyElementsOf(labels);
        report.get("module_names").properties().forEach(e -> assertThat(strings(e.getValue()))
                .as(where + " names defined by " + e.getKey()).doesNotContain("os", "system"));
    }

    private static void assertDatabaseHoldsInput(JsonNode doc, JsonNode database) {
        for (JsonNode table : doc.get("schema")) {
            String name = table.get("table_name").asString();
            JsonNode stored = database.get("tables").get(name);
            assertThat(stored.get("comment").asString()).as("PostgreSQL comment of " + name)
                    .isEqualTo(table.get("description").asString());
            for (JsonNode column : table.get("columns")) {
                if (column.has("description")) {
                    assertThat(stored.get("columns").get(column.get("name").asString()).asString())
                            .as("PostgreSQL comment of " + name + "." + column.get("name").asString())
                            .isEqualTo(column.get("description").asString());
                }
            }
        }
        List<String> labels = new ArrayList<>();
        doc.get("schema").get(0).get("columns").findValues("values").get(0).forEach(v -> labels.add(v.asString()));
        assertThat(strings(database.get("enums").get("notes_mood"))).as("PostgreSQL enum labels").containsExactlyElementsOf(labels);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static String script() throws IOException {
        try (InputStream in = AdversarialTextTest.class.getResourceAsStream("introspect.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}
