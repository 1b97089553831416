package dev.backbone.core.validate.rules;

import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.Relationship;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.schema.Table;
import java.util.List;

/**
 * Every rule of the schema_validator, and the single walk that offers each element of a
 * document to each of them. Findings come out grouped by element; the validator sorts them into
 * document order afterwards.
 */
public final class Rules {

    private static final List<SchemaRule> ALL = List.of(
            new DocumentRules(),
            new LimitRules(),
            new TableNameRules(),
            new TableStructureRules(),
            new ColumnNameRules(),
            new RequiredFieldRules(),
            new ColumnTypeRules(),
            new EnumRules(),
            new DefaultRules(),
            new ForeignKeyRules(),
            new OnDeleteRules(),
            new RelationshipRules(),
            new RenameRules());

    private Rules() {}

    public static List<SchemaRule> all() {
        return ALL;
    }

    /** Runs every rule over {@code schema} once, in document order. */
    public static void check(ValidationContext ctx, Schema schema) {
        for (SchemaRule r : ALL) {
            r.document(ctx, schema);
        }
        for (Table t : schema.tables()) {
            for (SchemaRule r : ALL) {
                r.table(ctx, t);
            }
            for (Column c : t.columns()) {
                for (SchemaRule r : ALL) {
                    r.column(ctx, t, c);
                }
            }
            for (Relationship rel : t.relationships()) {
                for (SchemaRule r : ALL) {
                    r.relationship(ctx, t, rel);
                }
            }
        }
    }
}
