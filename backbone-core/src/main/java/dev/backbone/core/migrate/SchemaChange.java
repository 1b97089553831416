package dev.backbone.core.migrate;

import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.Locations;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.FindingCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A schema change as the user sees it: the next revision between two read and planned
 * schemas, with findings at their place in the new document (destructive steps, NOT NULL
 * without a default, renames naming nothing). {@code generate} refuses destructive steps
 * without {@code --allow-destructive}; {@code diff} prints them.
 */
public final class SchemaChange {

    /** One side of the change: the document as read and its plan. */
    public record Side(Schema schema, Plan plan) {}

    private SchemaChange() {}

    /** The renames the new document declares. */
    public static Renames renames(Schema schema) {
        Map<String, String> tables = new HashMap<>();
        Map<String, Map<String, String>> columns = new HashMap<>();
        for (Table t : schema.tables()) {
            if (t.renamedFrom() != null && t.tableName() != null) {
                tables.put(t.tableName(), t.renamedFrom());
            }
            for (Column c : t.columns()) {
                if (c.renamedFrom() != null && c.name() != null && t.tableName() != null) {
                    columns.computeIfAbsent(t.tableName(), k -> new HashMap<>()).put(c.name(), c.renamedFrom());
                }
            }
        }
        return new Renames(tables, columns);
    }

    /** Revision {@code number} from {@code old} to {@code now}. */
    public static MigrationPlan between(Side old, Side now, int number) {
        Renames renames = renames(now.schema());
        MigrationPlan draft = Migrations.between(old.plan(), now.plan(), renames, number, List.of());
        List<Finding> findings = findings(old, now, renames, draft.upgrade());
        return new MigrationPlan(draft.dbType(), draft.revision(), draft.downRevision(), draft.slug(), draft.message(),
                draft.upgrade(), draft.downgrade(), findings);
    }

    static List<Finding> findings(Side old, Side now, Renames renames, List<MigrationOp> up) {
        List<Finding> out = new ArrayList<>();
        Schema s = now.schema();
        for (Table t : s.tables()) {
            if (t.renamedFrom() != null && old.schema().table(t.renamedFrom()) == null && old.schema().table(t.tableName()) == null) {
                out.add(FindingCode.RENAMED_FROM_NOT_FOUND.at(t.at().of("renamed_from"), "table", t.tableName(),
                        t.renamedFrom(), "created as a new table"));
            }
            Table before = old.schema().table(renames.tables().getOrDefault(t.tableName(), t.tableName()));
            for (Column c : t.columns()) {
                if (c.renamedFrom() != null && before != null && before.column(c.renamedFrom()) == null
                        && before.column(c.name()) == null) {
                    out.add(FindingCode.RENAMED_FROM_NOT_FOUND.at(c.at().of("renamed_from"), "column",
                            t.tableName() + "." + c.name(), c.renamedFrom(), "added as a new column"));
                }
            }
        }
        for (MigrationOp op : up) {
            if (op instanceof MigrationOp.DropTable d) {
                out.add(FindingCode.DESTRUCTIVE_CHANGE.at(docAt(s).of("schema"), "table " + d.dropped().name(),
                        "is no longer in the schema", "the migration drops it and its rows"));
            } else if (op instanceof MigrationOp.DropColumn d) {
                out.add(FindingCode.DESTRUCTIVE_CHANGE.at(tableAt(s, d.table()).of("columns"),
                        "column " + d.table() + "." + d.column().name(), "is no longer in the schema",
                        "the migration drops it and its values"));
            } else if (op instanceof MigrationOp.AlterColumn a) {
                Locations at = columnAt(s, a.table(), a.to().name());
                if (a.narrowing()) {
                    out.add(FindingCode.DESTRUCTIVE_CHANGE.at(at.of(at.has("length") ? "length" : "type"),
                            "column " + a.table() + "." + a.to().name(), "gets a narrower type",
                            "values that do not fit are lost or refused"));
                }
                if (a.from().nullable() && !a.to().nullable() && a.to().defaultValue() == null) {
                    out.add(notNull(a.table(), a.to(), at));
                }
            } else if (op instanceof MigrationOp.AddColumn a && !a.column().nullable() && a.column().defaultValue() == null
                    && !a.column().autoincrement()) {
                out.add(notNull(a.table(), a.column(), columnAt(s, a.table(), a.column().name())));
            } else if (op instanceof MigrationOp.ReplaceEnum r && r.destructive()) {
                for (MigrationOp.PlannedColumnRef ref : r.columns()) {
                    out.add(FindingCode.DESTRUCTIVE_CHANGE.at(columnAt(s, ref.table(), ref.column().name()).of("values"),
                            "Enum labels of " + ref.table() + "." + ref.column().name(), "are removed",
                            "rows holding them make the migration fail"));
                }
            }
        }
        return out;
    }

    private static Finding notNull(String table, PlannedColumn c, Locations at) {
        return FindingCode.NOT_NULL_WITHOUT_DEFAULT.at(at.of(at.has("nullable") ? "nullable" : "name"), table + "." + c.name());
    }

    private static Locations docAt(Schema s) {
        return s.at() == null ? Locations.NONE : s.at();
    }

    private static Locations tableAt(Schema s, String table) {
        Table t = s.table(table);
        return t == null || t.at() == null ? docAt(s) : t.at();
    }

    private static Locations columnAt(Schema s, String table, String column) {
        Table t = s.table(table);
        Column c = t == null ? null : t.column(column);
        return c == null || c.at() == null ? tableAt(s, table) : c.at();
    }
}
