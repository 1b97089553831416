package dev.backbone.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.schema.SchemaReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Validation is linear in the size of the document: a 10,000-table schema (every table with a
 * foreign key to the previous one, an enum, a default and a relationship pair) validates in well
 * under 100 ms once the JIT has warmed up.
 */
class LargeDocumentTest {

    static String synthetic(int tables) {
        StringBuilder b = new StringBuilder(tables * 600);
        b.append("{\"project_name\": \"bench\", \"db_type\": \"postgresql\", \"schema\": [\n");
        for (int i = 0; i < tables; i++) {
            if (i > 0) {
                b.append(",\n");
            }
            b.append("{\"table_name\": \"t").append(i).append("\", \"class_name\": \"T").append(i)
                    .append("\", \"options\": {\"use_timestamps\": true}, \"columns\": [")
                    .append("{\"name\": \"id\", \"type\": \"Integer\", \"primary_key\": true},")
                    .append("{\"name\": \"label\", \"type\": \"String\", \"length\": 80, \"unique\": true, \"default\": \"x\"},")
                    .append("{\"name\": \"state\", \"type\": \"Enum\", \"values\": [\"a\", \"b\", \"c\"], \"default\": \"a\"},")
                    .append("{\"name\": \"price\", \"type\": \"Numeric\", \"precision\": 10, \"scale\": 2}");
            if (i > 0) {
                b.append(",{\"name\": \"parent_id\", \"type\": \"ForeignKey\", \"target\": \"t").append(i - 1)
                        .append(".id\", \"on_delete\": \"CASCADE\"}");
            }
            b.append("], \"relationships\": [");
            if (i > 0) {
                b.append("{\"target_table\": \"t").append(i - 1).append("\", \"target_class\": \"T").append(i - 1)
                        .append("\", \"type\": \"many_to_one\", \"back_populates\": \"children\"}");
            }
            if (i < tables - 1) {
                b.append(i > 0 ? "," : "").append("{\"target_table\": \"t").append(i + 1).append("\", \"target_class\": \"T")
                        .append(i + 1).append("\", \"type\": \"one_to_many\", \"back_populates\": \"parent\"}");
            }
            b.append("]}");
        }
        return b.append("\n]}\n").toString();
    }

    /**
     * A 10,000-table document validates with no finding, twice with the same answer. Speed is
     * measured by the benchmark (backbone-bench, docs/performance.md), not asserted here.
     */
    @Test
    void tenThousandTablesValidateWithoutFindings() {
        SchemaReader.Result read = SchemaReader.read(synthetic(10_000));
        assertThat(read.findings()).isEmpty();
        SchemaValidator validator = new SchemaValidator(Limits.DEFAULTS);
        assertThat(validator.validate(read.schema(), read.findings())).isEmpty();
        assertThat(validator.validate(read.schema(), read.findings())).isEmpty();
    }
}
