package dev.backbone.core.generate.sqlalchemy;

import dev.backbone.core.naming.PythonNames;
import dev.backbone.core.plan.AssociationTable;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.plan.PlannedRelationship;
import dev.backbone.core.plan.PlannedTable;
import dev.backbone.core.schema.RelationshipType;
import java.util.ArrayList;
import java.util.List;

/**
 * One side of a relationship as a typed {@code relationship(...)} statement. Other models are
 * named in strings ({@code "Post"}, {@code foreign_keys="Comment.author_id"}) that SQLAlchemy
 * resolves once every model is imported, and imported only for the type checker, so model
 * modules never import each other at run time.
 */
final class RelationshipCode {

    private RelationshipCode() {}

    static List<String> render(Plan plan, PlannedTable table, PlannedRelationship r, ImportsCollector imports, int indent) {
        if (!r.targetModule().equals(table.moduleName())) {
            imports.typeChecking(r.targetModule(), r.targetClass());
        }
        imports.orm("Mapped").orm("relationship");
        String target = "\"" + r.targetClass() + "\"";
        String type;
        if (r.uselist()) {
            type = "list[" + target + "]";
        } else if (optional(plan, table, r)) {
            type = "\"" + r.targetClass() + " | None\"";
        } else {
            type = target;
        }
        List<PyExpr> args = new ArrayList<>();
        if (r.backPopulates() != null) {
            args.add(PyExpr.kw("back_populates", PyExpr.str(r.backPopulates())));
        }
        if (r.type() == RelationshipType.MANY_TO_MANY) {
            args.add(PyExpr.kw("secondary", PyExpr.str(r.secondary())));
            if (r.selfReferential()) {
                joins(plan, table, r, args);
            }
        } else {
            if (r.foreignKeyColumn() != null) {
                PlannedTable holder = plan.table(r.foreignKeyTable());
                args.add(PyExpr.kw("foreign_keys",
                        PyExpr.str(holder.className() + "." + holder.column(r.foreignKeyColumn()).attribute())));
            }
            if (r.remoteSide() != null) {
                args.add(PyExpr.kw("remote_side", PyExpr.str(table.className() + "." + r.remoteSide())));
            }
        }
        if (r.type() == RelationshipType.ONE_TO_ONE) {
            args.add(PyExpr.kw("uselist", PyExpr.atom("False")));
        }
        if (r.description() != null && !r.description().isEmpty()) {
            args.add(PyExpr.kw("doc", PyExpr.str(r.description())));
        }
        return BlackLayout.annotated(indent, r.attribute(), type, PyExpr.call("relationship", args));
    }

    /**
     * Whether a to-one side may be empty: a many_to_one whose key is nullable, a one_to_one on the
     * side without the key (the other row may not exist) or with a nullable key.
     */
    static boolean optional(Plan plan, PlannedTable table, PlannedRelationship r) {
        PlannedColumn key = heldKey(plan, table, r);
        return key == null || key.nullable();
    }

    /** The foreign key column of this table that links it to the target, when this side holds one. */
    private static PlannedColumn heldKey(Plan plan, PlannedTable table, PlannedRelationship r) {
        if (r.selfReferential() && r.remoteSide() == null) {
            return null;
        }
        if (r.foreignKeyColumn() != null) {
            return r.foreignKeyTable().equals(table.tableName()) ? table.column(r.foreignKeyColumn()) : null;
        }
        PlannedColumn found = null;
        for (PlannedColumn c : table.columns()) {
            if (c.isForeignKey() && c.foreignKey().table().equals(r.targetTable())) {
                if (found != null) {
                    return null;
                }
                found = c;
            }
        }
        return found;
    }

    /**
     * A table's many_to_many with itself: which association column points at this row
     * ({@code primaryjoin}) and which at the related one ({@code secondaryjoin}, the plan's
     * {@code remoteSide}).
     */
    private static void joins(Plan plan, PlannedTable table, PlannedRelationship r, List<PyExpr> args) {
        String remote = r.remoteSide();
        String local = null;
        String key = null;
        for (AssociationTable a : plan.associations()) {
            if (a.name().equals(r.secondary())) {
                local = a.left().column().equals(remote) ? a.right().column() : a.left().column();
                key = a.left().targetColumn();
            }
        }
        PlannedTable declared = plan.table(r.secondary());
        if (local == null && declared != null) {
            for (PlannedColumn c : declared.columns()) {
                if (c.isForeignKey() && c.foreignKey().table().equals(table.tableName()) && !c.name().equals(remote)) {
                    local = c.name();
                    key = c.foreignKey().column();
                }
            }
        }
        if (local == null || remote == null) {
            return;
        }
        String keyAttr = table.column(key).attribute();
        String self = table.className() + "." + keyAttr + " == ";
        args.add(PyExpr.kw("primaryjoin", PyExpr.str(self + column(r.secondary(), local))));
        args.add(PyExpr.kw("secondaryjoin", PyExpr.str(self + column(r.secondary(), remote))));
    }

    /** {@code post_tags.c.post_id}, or {@code post_tags.c["class"]} for a name that is not a plain attribute. */
    private static String column(String table, String column) {
        boolean plain = PythonNames.isIdentifier(column) && !PythonNames.isKeyword(column);
        return table + ".c" + (plain ? "." + column : "[\"" + column + "\"]");
    }
}
