package dev.backbone.core.validate;

import dev.backbone.core.index.DocumentIndex;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.validate.links.Links;
import dev.backbone.core.validate.rules.Rules;
import dev.backbone.core.validate.rules.ValidationContext;
import dev.backbone.core.workflow.StageResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The schema_validator agent: every rule of the format on a read {@link Schema}, first those of
 * each element ({@link Rules}), then, when none of them found an error, those of the document as
 * a whole, found while its references are resolved ({@link Links}). Reports all findings of a
 * document in one run, in document order; never throws on a broken model.
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
        ValidatedSchema document = null;
        if (schema != null) {
            DocumentIndex index = DocumentIndex.of(schema);
            ValidationContext ctx = new ValidationContext(index, limits, read, out);
            Rules.check(ctx, schema);
            // the document-wide rules need every reference to resolve, which the element rules ensure
            Links links = ctx.hasErrors() ? null : Links.resolve(ctx);
            document = links == null || ctx.hasErrors() ? null : new ValidatedSchema(index, links);
        }
        out.sort(DOCUMENT_ORDER);
        return new Validation(schema, out, document);
    }

    public Limits limits() {
        return limits;
    }
}
