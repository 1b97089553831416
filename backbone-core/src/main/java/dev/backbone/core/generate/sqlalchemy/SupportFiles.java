package dev.backbone.core.generate.sqlalchemy;

import dev.backbone.core.plan.AssociationTable;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.plan.PlannedTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Contexts of the files around the models: the package docstring, {@code database.py},
 * {@code requirements.txt}, {@code base.py}, {@code mixins.py} and the models package's
 * {@code __init__.py}.
 */
final class SupportFiles {

    private SupportFiles() {}

    private static Map<String, Object> common(Plan plan) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("plan", plan);
        ctx.put("projectName", plan.projectName());
        ctx.put("description", plan.description() == null ? "" : plan.description());
        ctx.put("dbType", plan.dbType().wire());
        return ctx;
    }

    static Map<String, Object> appInit(Plan plan) {
        return common(plan);
    }

    static Map<String, Object> database(Plan plan) {
        Map<String, Object> ctx = common(plan);
        DatabaseDrivers d = DatabaseDrivers.of(plan.dbType());
        ctx.put("databaseLabel", d.label());
        ctx.put("defaultUrl", d.defaultUrl(plan.projectName()));
        ctx.put("defaultUrlLine", BlackLayout.text(BlackLayout.assignAtom(0, "DEFAULT_DATABASE_URL",
                PythonEscapes.stringLiteral(d.defaultUrl(plan.projectName())))));
        return ctx;
    }

    static Map<String, Object> requirements(Plan plan) {
        Map<String, Object> ctx = common(plan);
        ctx.put("drivers", DatabaseDrivers.of(plan.dbType()).requirements());
        ctx.put("driverLines", BlackLayout.text(DatabaseDrivers.of(plan.dbType()).requirements()));
        return ctx;
    }

    static Map<String, Object> base(Plan plan) {
        Map<String, Object> ctx = common(plan);
        ctx.put("usesEnums", plan.tables().stream().flatMap(t -> t.columns().stream()).anyMatch(c -> c.enumType() != null));
        return ctx;
    }

    /** {@code mixins.py}: only the mixins some table uses, their columns built like any other. */
    static Map<String, Object> mixins(Plan plan) {
        Map<String, Object> ctx = common(plan);
        ImportsCollector imports = new ImportsCollector();
        ctx.put("timestamps", mixinColumns(plan, PlannedColumn.Origin.TIMESTAMP_MIXIN, imports));
        ctx.put("softDelete", mixinColumns(plan, PlannedColumn.Origin.SOFT_DELETE_MIXIN, imports));
        ctx.put("imports", BlackLayout.text(imports.lines()));
        return ctx;
    }

    private static String mixinColumns(Plan plan, PlannedColumn.Origin origin, ImportsCollector imports) {
        for (PlannedTable t : plan.tables()) {
            List<PlannedColumn> cols = t.columns().stream().filter(c -> c.origin() == origin).toList();
            if (!cols.isEmpty()) {
                List<String> lines = new ArrayList<>();
                for (PlannedColumn c : cols) {
                    lines.addAll(ColumnCode.render(null, c, plan.dbType(), imports, 4).lines());
                }
                return BlackLayout.text(lines);
            }
        }
        return "";
    }

    /** {@code app/models/__init__.py}: imports every model, enum and association table, and lists them in {@code __all__}. */
    static Map<String, Object> modelsInit(PlanIndex index) {
        Plan plan = index.plan();
        Map<String, Object> ctx = common(plan);
        ImportsCollector imports = new ImportsCollector().local("base", "Base");
        TreeSet<String> all = new TreeSet<>();
        all.add("Base");
        for (PlannedTable t : plan.tables()) {
            imports.local(t.moduleName(), t.className());
            all.add(t.className());
            for (PlannedColumn c : t.declaredColumns()) {
                if (c.enumType() != null && !c.isForeignKey()) {
                    imports.local(t.moduleName(), c.enumType().className());
                    all.add(c.enumType().className());
                }
            }
        }
        for (AssociationTable a : plan.associations()) {
            String variable = AssociationsContext.variable(a);
            imports.local("associations", variable);
            all.add(variable);
        }
        ctx.put("imports", BlackLayout.text(imports.lines()));
        ctx.put("all", BlackLayout.text(BlackLayout.statement(0, "__all__ = ",
                PyExpr.list(all.stream().map(PyExpr::str).toList()))));
        return ctx;
    }
}
