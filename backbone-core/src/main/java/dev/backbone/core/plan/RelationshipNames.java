package dev.backbone.core.plan;

import dev.backbone.core.naming.PythonNames;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.RelationshipType;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.FindingCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names every relationship attribute and checks that a model never gets two attributes of one
 * name (DUPLICATE_RELATIONSHIP_NAME: relationship against relationship, against a column, or two
 * columns whose safe attribute names meet, such as {@code class_} and {@code class}).
 *
 * <p>A relationship is named by its mirror's {@code back_populates}. Without one, the name is
 * derived: many_to_one/one_to_one take the key column without {@code _id} ({@code author_id}
 * gives {@code author}) or the target class in snake case; one_to_many/many_to_many take the
 * target table's name. A derived name never collides: it falls back to the class name, then
 * a numeric suffix. User-given names come first, so they keep their name.
 */
final class RelationshipNames {

    private final TableIndex index;
    private final List<Finding> findings;

    private RelationshipNames(TableIndex index, List<Finding> findings) {
        this.index = index;
        this.findings = findings;
    }

    static void assign(TableIndex index, List<RelSide> sides, List<Finding> findings) {
        new RelationshipNames(index, findings).run(sides);
    }

    private void run(List<RelSide> sides) {
        List<List<RelSide>> byTable = new ArrayList<>(index.size());
        for (int t = 0; t < index.size(); t++) {
            byTable.add(new ArrayList<>(0));
        }
        for (RelSide s : sides) {
            byTable.get(s.table).add(s);
        }
        for (int t = 0; t < index.size(); t++) {
            Map<String, String> taken = columnAttributes(index.table(t));
            List<RelSide> mine = byTable.get(t);
            for (RelSide s : mine) {
                if (s.mirror != null && s.mirror.rel.backPopulates() != null) {
                    given(s, taken);
                }
            }
            for (RelSide s : mine) {
                if (s.attribute == null) {
                    derived(s, taken);
                }
            }
        }
        for (RelSide s : sides) {
            if (s.mirror == null && !s.mismatched) {
                missingMirror(s);
            }
        }
    }

    /** Attributes the columns take (declared, then those the options add); reports two columns meeting on one. */
    private Map<String, String> columnAttributes(Table table) {
        Map<String, String> taken = new HashMap<>();
        Map<String, String> columnOf = new HashMap<>();
        for (Column c : table.columns()) {
            String a = PythonNames.attributeFor(c.name());
            String before = columnOf.putIfAbsent(a, c.name());
            if (before == null) {
                taken.put(a, "column `" + c.name() + "`");
            } else if (!before.equals(c.name())) {
                findings.add(Findings.at(FindingCode.DUPLICATE_RELATIONSHIP_NAME, "columns `" + before + "` and `"
                        + c.name() + "` of `" + table.tableName() + "` would both become the model attribute `" + a
                        + "` (a Python keyword or reserved name gets a trailing `_`); rename one", c.at(), "name"));
            }
        }
        List<String> mixins = new ArrayList<>(4);
        if (table.useTimestamps()) {
            mixins.add("created_at");
            mixins.add("updated_at");
        }
        if (table.useSoftDelete()) {
            mixins.add("is_deleted");
            mixins.add("deleted_at");
        }
        for (String m : mixins) {
            taken.putIfAbsent(m, "column `" + m + "` (added by the table's options)");
        }
        return taken;
    }

    private void given(RelSide s, Map<String, String> taken) {
        String name = PythonNames.attributeFor(s.mirror.rel.backPopulates());
        String what = "the " + s.type.wire() + " to `" + index.name(s.target) + "`";
        String before = taken.putIfAbsent(name, what);
        s.attribute = name;
        if (before != null) {
            Table table = index.table(s.table);
            findings.add(Findings.at(FindingCode.DUPLICATE_RELATIONSHIP_NAME, "`back_populates` `"
                    + s.mirror.rel.backPopulates() + "` names " + what + " on `" + table.className() + "`, but `"
                    + table.className() + "` already has an attribute `" + name + "` (" + before
                    + "); choose another name", s.mirror.rel.at(), "back_populates"));
        }
    }

    private void derived(RelSide s, Map<String, String> taken) {
        Table target = index.table(s.target);
        String byClass = PythonNames.attributeFor(Naming.snake(target.className()));
        String first;
        if (s.type.toMany()) {
            first = PythonNames.attributeFor(target.tableName());
        } else if (s.link != null && s.link.table() == s.table && (!s.selfReferential() || holdsKey(s))) {
            String column = index.column(s.link.table(), s.link.column()).name();
            first = column.endsWith("_id") && column.length() > 3
                    ? PythonNames.attributeFor(column.substring(0, column.length() - 3))
                    : byClass;
        } else {
            first = byClass;
        }
        String what = "the " + s.type.wire() + " to `" + target.tableName() + "`";
        String name = first;
        if (taken.containsKey(name) && !s.type.toMany()) {
            name = byClass;
        }
        for (int n = 2; taken.containsKey(name); n++) {
            name = first + "_" + n;
        }
        taken.put(name, what);
        s.attribute = name;
    }

    /**
     * For a one_to_one of a table with itself, the side that holds the key (renders
     * {@code remote_side}): the one naming {@code foreign_key}, else the first declared.
     */
    static boolean holdsKey(RelSide s) {
        if (s.type == RelationshipType.MANY_TO_ONE) {
            return true;
        }
        if (s.type != RelationshipType.ONE_TO_ONE) {
            return false;
        }
        if (s.rel.foreignKey() != null || s.mirror == null) {
            return true;
        }
        return s.mirror.rel.foreignKey() == null && s.before(s.mirror);
    }

    private void missingMirror(RelSide s) {
        String here = index.name(s.table);
        String there = index.name(s.target);
        Table table = index.table(s.table);
        String back = s.selfReferential() ? "to itself" : "back to `" + here + "`";
        String named = s.rel.backPopulates() == null ? "" : " named `" + s.rel.backPopulates() + "`";
        findings.add(Findings.at(FindingCode.MISSING_BACK_POPULATES, "`" + table.className() + "." + s.attribute
                + "` (" + s.type.wire() + " to `" + there + "`) has no mirror: `" + there + "` declares no "
                + s.type.mirror().wire() + " " + back + "; add it" + named + " so both sides stay in sync (until then"
                + " the model renders this relationship without back_populates)", s.rel.at(), null));
    }
}
