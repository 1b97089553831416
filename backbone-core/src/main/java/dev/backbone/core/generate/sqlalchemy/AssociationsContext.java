package dev.backbone.core.generate.sqlalchemy;

import dev.backbone.core.naming.PythonNames;
import dev.backbone.core.naming.SqlNames;
import dev.backbone.core.plan.AssociationTable;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.plan.PlannedTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code app/models/associations.py}: one {@code sa.Table} per generated many_to_many
 * association, two foreign keys (ON DELETE CASCADE) that together are the primary key. A plain
 * {@code Table} is SQLAlchemy 2.0's documented form for an association without a model.
 */
final class AssociationsContext {

    private AssociationsContext() {}

    /** The module-level variable of an association table: its name, made safe like an attribute. */
    static String variable(AssociationTable a) {
        return PythonNames.attributeFor(a.name());
    }

    static Map<String, Object> of(PlanIndex index) {
        Plan plan = index.plan();
        ImportsCollector imports = new ImportsCollector().sa().local("base", "Base");
        List<String> tables = new ArrayList<>();
        for (AssociationTable a : plan.associations()) {
            List<PyExpr> args = new ArrayList<>();
            args.add(PyExpr.str(a.name()));
            args.add(PyExpr.atom("Base.metadata"));
            args.add(column(index, a, a.left(), imports));
            args.add(column(index, a, a.right(), imports));
            String pk = SqlNames.primaryKey(a.name());
            if (!pk.equals("pk_" + a.name())) {
                args.add(PyExpr.call("sa.PrimaryKeyConstraint", PyExpr.str(a.left().column()), PyExpr.str(a.right().column()),
                        PyExpr.kw("name", PyExpr.str(pk))));
            }
            tables.add(BlackLayout.text(BlackLayout.statement(0, variable(a) + " = ", PyExpr.call("sa.Table", args))));
        }
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("plan", plan);
        ctx.put("imports", BlackLayout.text(imports.lines()));
        ctx.put("tables", tables);
        return ctx;
    }

    /** {@code sa.Column("post_id", <type of posts.id>, sa.ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True)}. */
    private static PyExpr column(PlanIndex index, AssociationTable a, AssociationTable.Side side, ImportsCollector imports) {
        PlannedTable target = index.plan().table(side.table());
        PlannedColumn key = target.column(side.targetColumn());
        if (key.enumType() != null) {
            imports.local(index.enumModule(key.enumType().className()), key.enumType().className());
            imports.local("base", "enum_values");
        }
        List<PyExpr> fk = new ArrayList<>();
        fk.add(PyExpr.str(side.table() + "." + side.targetColumn()));
        fk.add(PyExpr.kw("ondelete", PyExpr.str("CASCADE")));
        String conventional = "fk_" + a.name() + "_" + side.column() + "_" + side.table();
        if (side.constraintName() != null && !side.constraintName().equals(conventional)) {
            fk.add(PyExpr.kw("name", PyExpr.str(side.constraintName())));
        }
        return PyExpr.call("sa.Column", PyExpr.str(side.column()), SqlAlchemyTypes.sqlType(key),
                PyExpr.call("sa.ForeignKey", fk), PyExpr.kw("primary_key", PyExpr.atom("True")));
    }
}
