package dev.backbone.core.report;

import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedTable;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.workflow.ValidationOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of outcomes shared by the CLI ({@code --json}) and the service, as ordered maps
 * ready for any JSON writer: one definition so both speak the same contract.
 */
public final class OutcomeJson {

    private OutcomeJson() {}

    /** {@code {severity, code, message, path, line, column}}. */
    public static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", f.severity().wire());
        m.put("code", f.code());
        m.put("message", f.message());
        m.put("path", f.path());
        m.put("line", f.line());
        m.put("column", f.column());
        return m;
    }

    public static List<Map<String, Object>> findings(List<Finding> fs) {
        List<Map<String, Object>> out = new ArrayList<>(fs.size());
        for (Finding f : fs) {
            out.add(finding(f));
        }
        return out;
    }

    /** {@code {status, valid, errors[], warnings[], info[], build_order[]}}. */
    public static Map<String, Object> validation(ValidationOutcome v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", v.status());
        m.put("valid", v.valid());
        m.put("errors", findings(v.errors()));
        m.put("warnings", findings(v.warnings()));
        m.put("info", findings(v.info()));
        m.put("build_order", v.buildOrder());
        return m;
    }

    /** The architecture plan summary: order, deferred keys, associations, one entry per table. */
    public static Map<String, Object> plan(Plan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("project_name", p.projectName());
        m.put("db_type", p.dbType().wire());
        m.put("build_order", p.buildOrder());
        List<Map<String, Object>> deferred = new ArrayList<>();
        p.deferred().forEach(d -> {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("table", d.table());
            dm.put("column", d.column());
            dm.put("references", d.targetTable() + "." + d.targetColumn());
            dm.put("constraint", d.constraintName());
            deferred.add(dm);
        });
        m.put("deferred_foreign_keys", deferred);
        m.put("association_tables", p.associations().stream().map(a -> a.name()).toList());
        List<Map<String, Object>> tables = new ArrayList<>();
        for (PlannedTable t : p.tables()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("table", t.tableName());
            tm.put("class", t.className());
            tm.put("module", "app/models/" + t.moduleName() + ".py");
            tm.put("columns", t.columns().size());
            tm.put("depends_on", t.dependsOn());
            tm.put("relationships", t.relationships().stream()
                    .map(r -> r.attribute() + " -> " + r.targetClass() + " (" + r.type().wire() + ")").toList());
            List<String> mixins = new ArrayList<>();
            if (t.timestamps()) {
                mixins.add("TimestampMixin");
            }
            if (t.softDelete()) {
                mixins.add("SoftDeleteMixin");
            }
            tm.put("mixins", mixins);
            tables.add(tm);
        }
        m.put("tables", tables);
        return m;
    }
}
