package dev.backbone.core.validate;

import dev.backbone.core.schema.Schema;
import dev.backbone.core.validate.rules.Rules;
import dev.backbone.core.validate.rules.ValidationContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The schema_validator agent: every rule of the format on a read {@link Schema}. Reports all
 * findings of a document in one run, in document order; never throws on a broken model.
 */
public final class SchemaValidator {

    /** Document order: by line, then column; the sort is stable so findings at one spot keep rule order. */
    public static final Comparator<Finding> DOCUMENT_ORDER =
            Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column);

    private final Limits limits;

    public SchemaValidator(Limits limits) {
        this.limits = limits;
    }

    /** Checks the model; {@code readerFindings} (syntax, structure) are merged into the result. */
    public List<Finding> validate(Schema schema, List<Finding> readerFindings) {
        List<Finding> read = readerFindings == null ? List.of() : readerFindings;
        List<Finding> out = new ArrayList<>(read);
        if (schema != null) {
            Rules.check(new ValidationContext(schema, limits, read, out), schema);
        }
        out.sort(DOCUMENT_ORDER);
        return out;
    }

    public Limits limits() {
        return limits;
    }
}
