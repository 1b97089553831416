package dev.backbone.core.validate.rules;

import dev.backbone.core.naming.PythonNames;
import dev.backbone.core.schema.Relationship;
import dev.backbone.core.schema.RelationshipType;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.FindingCode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Rules on one relationship as written: a known type, a target table that exists with the
 * class it names, fields that fit the type, and attribute names Python accepts. Pairing the
 * two sides and finding the foreign key need the whole document
 * ({@link dev.backbone.core.validate.links.Links}).
 */
final class RelationshipRules implements SchemaRule {

    /** Names other ORMs give the same kinds (Rails, Django). */
    private static final Map<String, String> ALIASES = Map.of(
            "has_many", "one_to_many", "belongs_to", "many_to_one", "has_one", "one_to_one",
            "has_and_belongs_to_many", "many_to_many", "foreign_key", "many_to_one", "many_to_many_field", "many_to_many");

    @Override
    public void relationship(ValidationContext ctx, Table t, Relationship r) {
        type(ctx, r);
        target(ctx, r);
        fields(ctx, r);
        attribute(ctx, r, "back_populates", r.backPopulates(), "the attribute on the other model");
        attribute(ctx, r, "secondary", r.secondary(), "the association table");
    }

    private static void type(ValidationContext ctx, Relationship r) {
        if (r.typeName() != null && r.type() == null) {
            String normalized = r.typeName().trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            String hint = RelationshipType.fromWire(ALIASES.getOrDefault(normalized, normalized))
                    .map(x -> " Did you mean `" + x.wire() + "`?")
                    .orElseGet(() -> ctx.didYouMean(r.typeName(),
                            Arrays.stream(RelationshipType.values()).map(RelationshipType::wire).toList()));
            ctx.report(FindingCode.INVALID_RELATIONSHIP_TYPE, r.at(), "type", Names.show(r.typeName()),
                    RelationshipType.allowed(), hint);
        }
    }

    private static void target(ValidationContext ctx, Relationship r) {
        if (r.targetTable() == null) {
            return;
        }
        int target = ctx.index().indexOf(r.targetTable());
        if (target < 0) {
            Table byClass = ctx.index().tableOfClass(r.targetClass());
            String hint = byClass != null && byClass.tableName() != null
                    ? " Did you mean `" + byClass.tableName() + "` (the table of class " + r.targetClass() + ")?"
                    : ctx.didYouMean(r.targetTable(), ctx.index().tableNames());
            ctx.report(FindingCode.REL_TABLE_NOT_FOUND, r.at(), "target_table", Names.show(r.targetTable()), hint);
            return;
        }
        // the class from the index's flat array: the target table itself is elsewhere in a large model
        String targetClass = ctx.index().className(target);
        if (r.targetClass() != null && targetClass != null && !r.targetClass().equals(targetClass)) {
            ctx.report(FindingCode.REL_CLASS_MISMATCH, r.at(), "target_class", Names.show(r.targetClass()),
                    Names.show(ctx.index().name(target)), Names.show(targetClass), targetClass);
        }
    }

    private static void fields(ValidationContext ctx, Relationship r) {
        if (r.type() == null) {
            return;
        }
        if (r.foreignKey() != null && r.type().toMany()) {
            ctx.report(FindingCode.REL_FIELD_NOT_APPLICABLE, r.at(), "foreign_key", "foreign_key", r.type().wire(),
                    "the key lives on the other table (declare it on the mirror many_to_one side)", "remove it here");
        }
        if (r.secondary() != null && r.type() != RelationshipType.MANY_TO_MANY) {
            ctx.report(FindingCode.REL_FIELD_NOT_APPLICABLE, r.at(), "secondary", "secondary", r.type().wire(),
                    "only a many_to_many goes through an association table", "remove it or change the type");
        }
    }

    private static void attribute(ValidationContext ctx, Relationship r, String field, String value, String what) {
        if (value == null) {
            return;
        }
        String problem = !PythonNames.isIdentifier(value) ? "is not a Python identifier (ASCII letters, digits and `_`, "
                + "not starting with a digit)"
                : PythonNames.isKeyword(value) ? "is a Python keyword"
                : PythonNames.DECLARATIVE_RESERVED.contains(value) ? "would replace SQLAlchemy's declarative attribute"
                : null;
        if (problem != null) {
            ctx.report(FindingCode.INVALID_ATTRIBUTE_NAME, r.at(), field, field, Names.show(value), problem, what,
                    Names.toSnake(value) + (PythonNames.isIdentifier(value) ? "_ref" : ""));
        } else if (field.equals("secondary") && !Names.isSnake(value)) {
            ctx.report(FindingCode.INVALID_TABLE_NAME, r.at(), field, "`secondary` (the association table)",
                    Names.show(value), Names.toSnake(value));
        }
    }
}
