package dev.backbone.core.validate.rules;

import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.Relationship;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.schema.Table;

/**
 * One family of validation rules. The validator walks the document once and offers every
 * element to every rule, so adding a rule never adds a pass over the document; a rule
 * implements only the callbacks it needs and reports through the {@link ValidationContext}.
 *
 * <p>Rules must not throw on a broken model: any field may be {@code null} (absent or of the
 * wrong JSON type; the reader has already said so).
 */
public interface SchemaRule {

    /** Called once, before the tables. */
    default void document(ValidationContext ctx, Schema schema) {}

    /** Called for each table, in document order, before its columns. */
    default void table(ValidationContext ctx, Table table) {}

    /** Called for each column of {@code table}, in document order. */
    default void column(ValidationContext ctx, Table table, Column column) {}

    /** Called for each relationship of {@code table}, in document order. */
    default void relationship(ValidationContext ctx, Table table, Relationship relationship) {}
}
