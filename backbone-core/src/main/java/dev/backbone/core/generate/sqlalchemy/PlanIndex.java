package dev.backbone.core.generate.sqlalchemy;

import dev.backbone.core.naming.PythonNames;
import dev.backbone.core.plan.AssociationTable;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.plan.PlannedRelationship;
import dev.backbone.core.plan.PlannedTable;
import java.util.HashMap;
import java.util.Map;

/**
 * Lookups over a plan that several files need: the module that defines each enum class (a
 * foreign key to an Enum column reuses its target's class). Checks on construction that every
 * name the target writes as Python source is an identifier: the validator and architect
 * guarantee it, and a target must not write code from a name that is not.
 */
record PlanIndex(Plan plan, Map<String, String> enumModules) {

    static PlanIndex of(Plan plan) {
        Map<String, String> enums = new HashMap<>();
        for (PlannedTable t : plan.tables()) {
            identifier(t.className(), "class name of " + t.tableName());
            identifier(t.moduleName(), "module of " + t.tableName());
            for (PlannedColumn c : t.columns()) {
                identifier(c.attribute(), "attribute of " + t.tableName() + "." + c.name());
                if (c.enumType() != null && !c.isForeignKey()) {
                    identifier(c.enumType().className(), "enum class of " + t.tableName() + "." + c.name());
                    c.enumType().memberNames().forEach(m -> identifier(m, "enum member of " + t.tableName() + "." + c.name()));
                    enums.putIfAbsent(c.enumType().className(), t.moduleName());
                }
            }
            for (PlannedRelationship r : t.relationships()) {
                identifier(r.attribute(), "relationship of " + t.tableName());
            }
        }
        for (AssociationTable a : plan.associations()) {
            identifier(a.name(), "association table");
        }
        return new PlanIndex(plan, Map.copyOf(enums));
    }

    /** The module defining an enum class (the owner table's module). */
    String enumModule(String className) {
        String m = enumModules.get(className);
        if (m == null) {
            throw new IllegalStateException("no table defines the enum " + className);
        }
        return m;
    }

    private static void identifier(String name, String what) {
        if (!PythonNames.isIdentifier(name) || PythonNames.isKeyword(name)) {
            throw new IllegalArgumentException("cannot generate Python for " + what + ": `" + name
                    + "` is not a Python identifier (the validator should have reported it)");
        }
    }
}
