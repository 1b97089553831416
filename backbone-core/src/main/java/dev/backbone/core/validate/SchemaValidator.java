package dev.backbone.core.validate;

import dev.backbone.core.index.DocumentIndex;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.validate.rules.Rules;
import dev.backbone.core.validate.rules.ValidationContext;
import dev.backbone.core.workflow.StageResult;
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

    /**
     * The validator's verdict: the document as read (null when the text is not a JSON object),
     * every finding, and the validated document when none is an error (then the architect may plan it).
     */
    public record Validation(Schema schema, List<Finding> findings, ValidatedSchema document) implements StageResult {
        public Validation {
            findings = List.copyOf(findings);
        }

        @Override
        public boolean succeeded() {
            return document != null;
        }
    }

    public SchemaValidator(Limits limits) {
        this.limits = limits;
    }

    /** Checks the model; {@code readerFindings} (syntax, structure) are merged into the result. */
    public List<Finding> validate(Schema schema, List<Finding> readerFindings) {
        return check(schema, readerFindings).findings();
    }

    /** Checks the model and, when nothing is an error, hands it on as a {@link ValidatedSchema}. */
    public Validation check(Schema schema, List<Finding> readerFindings) {
        List<Finding> read = readerFindings == null ? List.of() : readerFindings;
        List<Finding> out = new ArrayList<>(read);
        DocumentIndex index = null;
        if (schema != null) {
            index = DocumentIndex.of(schema);
            Rules.check(new ValidationContext(index, limits, read, out), schema);
        }
        out.sort(DOCUMENT_ORDER);
        boolean valid = index != null && out.stream().noneMatch(Finding::isError);
        return new Validation(schema, out, valid ? new ValidatedSchema(index) : null);
    }

    public Limits limits() {
        return limits;
    }
}
