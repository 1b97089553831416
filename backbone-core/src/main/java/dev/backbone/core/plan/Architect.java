package dev.backbone.core.plan;

import dev.backbone.core.schema.Schema;
import dev.backbone.core.validate.Finding;
import java.util.List;

/**
 * The architect agent: turns a valid schema into a {@link Plan} (build order, deferred keys,
 * relationship pairing, names). Runs only on a document without validation errors.
 */
public final class Architect {

    /** The plan, or null when the architect itself found errors (an all-NOT-NULL cycle). */
    public record Result(Plan plan, List<Finding> findings) {
        public Result {
            findings = List.copyOf(findings);
        }
    }

    public Result plan(Schema schema) {
        throw new UnsupportedOperationException("not yet");
    }
}
