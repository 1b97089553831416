package dev.backbone.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.schema.SchemaReader;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.validate.SchemaValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reading documents, validating and planning them for the plan tests. */
final class PlanTestSupport {
    private PlanTestSupport() {}

    static Path projectRoot() {
        String root = System.getenv("BACKBONE_PROJECT_ROOT");
        if (root != null && Files.isDirectory(Path.of(root, "examples"))) {
            return Path.of(root);
        }
        return Files.isDirectory(Path.of("examples")) ? Path.of(".") : Path.of("..");
    }

    static String example(String name) {
        try {
            return Files.readString(projectRoot().resolve("examples").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What planning a document gives, as the tests look at it: the plan (null when the validator
     * found an error) and the findings of resolving the document's references ({@link #LINK_CODES}:
     * cycles, pairing, names, what these tests are about); for a document an element rule already
     * rejects, every finding of the validator.
     */
    record Result(Plan plan, List<Finding> findings) {}

    /** The codes the validator's document-wide rules raise ({@code validate/links/}). */
    static final Set<String> LINK_CODES = Set.of("BUILD_ORDER_INCOMPLETE", "CIRCULAR_DEPENDENCY",
            "DEFERRED_FOREIGN_KEY", "SECONDARY_TABLE_CONFLICT", "REL_AMBIGUOUS_FOREIGN_KEY",
            "REL_FOREIGN_KEY_NOT_FOUND", "REL_NO_FOREIGN_KEY", "DUPLICATE_RELATIONSHIP_NAME",
            "MISSING_BACK_POPULATES", "BACK_POPULATES_MISMATCH");

    /** Reads, validates and plans, as the workflow does; the reader must find nothing wrong with the text. */
    static Result plan(String json) {
        SchemaReader.Result read = SchemaReader.read(json);
        assertThat(read.findings()).as("reader findings").isEmpty();
        SchemaValidator.Validation v = new SchemaValidator(Limits.DEFAULTS).check(read.schema(), read.findings());
        Plan plan = v.succeeded() ? new Architect().plan(v.document()) : null;
        boolean elementErrors = v.findings().stream().anyMatch(f -> f.isError() && !LINK_CODES.contains(f.code()));
        List<Finding> findings = elementErrors ? v.findings()
                : v.findings().stream().filter(f -> LINK_CODES.contains(f.code())).toList();
        return new Result(plan, findings);
    }

    /** Plans a document that must plan: no error, a plan. */
    static Plan planOk(String json) {
        Result r = plan(json);
        assertThat(r.findings().stream().filter(Finding::isError).toList()).as("errors").isEmpty();
        assertThat(r.plan()).isNotNull();
        return r.plan();
    }

    static List<String> codes(Result r) {
        return r.findings().stream().map(Finding::code).collect(Collectors.toList());
    }

    static List<Finding> withCode(Result r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    /**
     * A small fluent writer of schema documents, so a test shows its tables in a few lines.
     * Columns and relationships take raw JSON members for anything beyond the basics.
     */
    static final class Doc {
        private final List<String> tables = new ArrayList<>();
        private final String dbType;
        private TableText current;

        Doc() {
            this("postgresql");
        }

        Doc(String dbType) {
            this.dbType = dbType;
        }

        Doc table(String name, String className) {
            flush();
            current = new TableText(name, className);
            return this;
        }

        /** {@code id} Integer primary key. */
        Doc pk() {
            return col("id", "Integer", "\"primary_key\": true");
        }

        Doc col(String name, String type, String... extra) {
            StringBuilder b = new StringBuilder("{\"name\": \"" + name + "\", \"type\": \"" + type + "\"");
            for (String e : extra) {
                b.append(", ").append(e);
            }
            current.columns.add(b.append('}').toString());
            return this;
        }

        /** A nullable foreign key. */
        Doc fk(String name, String target) {
            return col(name, "ForeignKey", "\"target\": \"" + target + "\"");
        }

        /** A NOT NULL foreign key. */
        Doc fkNotNull(String name, String target) {
            return col(name, "ForeignKey", "\"target\": \"" + target + "\"", "\"nullable\": false");
        }

        Doc rel(String targetTable, String targetClass, String type, String backPopulates, String... extra) {
            StringBuilder b = new StringBuilder("{\"target_table\": \"" + targetTable + "\", \"target_class\": \""
                    + targetClass + "\", \"type\": \"" + type + "\"");
            if (backPopulates != null) {
                b.append(", \"back_populates\": \"").append(backPopulates).append('"');
            }
            for (String e : extra) {
                b.append(", ").append(e);
            }
            current.relationships.add(b.append('}').toString());
            return this;
        }

        Doc options(String options) {
            current.options = options;
            return this;
        }

        private void flush() {
            if (current != null) {
                tables.add(current.json());
                current = null;
            }
        }

        String json() {
            flush();
            return "{\n\"project_name\": \"test\",\n\"db_type\": \"" + dbType + "\",\n\"schema\": [\n"
                    + String.join(",\n", tables) + "\n]\n}\n";
        }
    }

    private static final class TableText {
        final String name;
        final String className;
        final List<String> columns = new ArrayList<>();
        final List<String> relationships = new ArrayList<>();
        String options;

        TableText(String name, String className) {
            this.name = name;
            this.className = className;
        }

        String json() {
            StringBuilder b = new StringBuilder("{\n\"table_name\": \"" + name + "\",\n\"class_name\": \"" + className + "\",\n");
            if (options != null) {
                b.append("\"options\": ").append(options).append(",\n");
            }
            b.append("\"columns\": [\n").append(String.join(",\n", columns)).append("\n]");
            if (!relationships.isEmpty()) {
                b.append(",\n\"relationships\": [\n").append(String.join(",\n", relationships)).append("\n]");
            }
            return b.append("\n}").toString();
        }
    }
}
