package dev.backbone.core.generate.sqlalchemy;

import dev.backbone.core.naming.SqlNames;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.plan.PlannedRelationship;
import dev.backbone.core.plan.PlannedTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code model.py.peb} lays out for one table: every statement already built and broken
 * into lines here (imports from what the statements use, enum classes, the class, its columns
 * and relationships), user text left raw only where the template escapes it with a filter
 * (docstrings).
 */
final class ModelContext {

    private ModelContext() {}

    /** One enum class: its name, its docstring text, and its member lines. */
    public record EnumClass(String className, String doc, String members) {}

    static Map<String, Object> of(PlanIndex index, PlannedTable t) {
        Plan plan = index.plan();
        ImportsCollector imports = new ImportsCollector().sa().orm("Mapped").orm("mapped_column").local("base", "Base");
        List<String> bases = new ArrayList<>();
        if (t.timestamps()) {
            imports.local("mixins", "TimestampMixin");
            bases.add("TimestampMixin");
        }
        if (t.softDelete()) {
            imports.local("mixins", "SoftDeleteMixin");
            bases.add("SoftDeleteMixin");
        }
        bases.add("Base");

        List<EnumClass> enums = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<PyExpr> tableArgs = new ArrayList<>();
        for (PlannedColumn c : t.declaredColumns()) {
            if (c.enumType() != null) {
                imports.local("base", "enum_values");
                String owner = index.enumModule(c.enumType().className());
                if (owner.equals(t.moduleName())) {
                    if (!c.isForeignKey()) {
                        imports.module("enum");
                        enums.add(enumClass(t, c));
                    }
                } else {
                    imports.local(owner, c.enumType().className());
                }
            }
            ColumnCode.Rendered r = ColumnCode.render(t, c, plan.dbType(), imports, 4);
            columns.addAll(r.lines());
            tableArgs.addAll(r.tableArgs());
        }
        List<String> relationships = new ArrayList<>();
        for (PlannedRelationship r : t.relationships()) {
            relationships.addAll(RelationshipCode.render(plan, t, r, imports, 4));
        }

        Map<String, Object> ctx = new HashMap<>();
        ctx.put("plan", plan);
        ctx.put("table", t);
        ctx.put("moduleDoc", "The " + t.className() + " model (table " + t.tableName() + ").");
        ctx.put("imports", BlackLayout.text(imports.lines()));
        ctx.put("typeChecking", BlackLayout.text(imports.typeCheckingLines()));
        ctx.put("enums", enums);
        ctx.put("className", t.className());
        ctx.put("bases", String.join(", ", bases));
        ctx.put("description", t.description() == null ? "" : t.description());
        ctx.put("tablename", BlackLayout.text(BlackLayout.assignAtom(4, "__tablename__", PythonEscapes.stringLiteral(t.tableName()))));
        ctx.put("tableArgs", BlackLayout.text(tableArgs(t, tableArgs)));
        ctx.put("columns", BlackLayout.text(columns));
        ctx.put("relationships", BlackLayout.text(relationships));
        return ctx;
    }

    private static EnumClass enumClass(PlannedTable t, PlannedColumn c) {
        PlannedColumn.EnumType e = c.enumType();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < e.values().size(); i++) {
            String value = PythonEscapes.stringLiteral(SqlAlchemyTypes.databaseText(e.values().get(i)));
            members.addAll(BlackLayout.assignAtom(4, e.memberNames().get(i), value));
        }
        return new EnumClass(e.className(), "Labels of " + t.tableName() + "." + c.name() + ".", BlackLayout.text(members));
    }

    /**
     * {@code __table_args__}: explicitly named constraints (names too long for the convention),
     * then the table comment; a dict when there is only the comment.
     */
    private static List<String> tableArgs(PlannedTable t, List<PyExpr> constraints) {
        List<PyExpr> items = new ArrayList<>();
        String pk = SqlNames.primaryKey(t.tableName());
        if (!pk.equals("pk_" + t.tableName()) && !t.primaryKey().isEmpty()) {
            List<PyExpr> args = new ArrayList<>();
            t.primaryKey().forEach(c -> args.add(PyExpr.str(c.name())));
            args.add(PyExpr.kw("name", PyExpr.str(pk)));
            items.add(PyExpr.call("sa.PrimaryKeyConstraint", args));
        }
        items.addAll(constraints);
        PyExpr comment = t.description() == null || t.description().isEmpty() ? null
                : PyExpr.dict(List.of(PyExpr.entry(PyExpr.str("comment"), PyExpr.str(SqlAlchemyTypes.databaseText(t.description())))));
        if (items.isEmpty() && comment == null) {
            return List.of();
        }
        if (items.isEmpty()) {
            return BlackLayout.statement(4, "__table_args__ = ", comment);
        }
        if (comment != null) {
            items.add(comment);
        }
        return BlackLayout.statement(4, "__table_args__ = ", PyExpr.tuple(items));
    }
}
