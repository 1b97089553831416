package dev.backbone.core.validate.links;

import dev.backbone.core.index.DocumentIndex;
import dev.backbone.core.naming.PythonNames;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.RelationshipType;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.FindingCode;
import dev.backbone.core.validate.rules.ValidationContext;
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

    private final ValidationContext ctx;
    private final DocumentIndex doc;

    private RelationshipNames(ValidationContext ctx) {
        this.ctx = ctx;
        this.doc = ctx.index();
    }

    /** Names every side (paired and linked), reporting DUPLICATE_RELATIONSHIP_NAME and MISSING_BACK_POPULATES. */
    static void assign(ValidationContext ctx, List<RelSide> sides) {
        new RelationshipNames(ctx).run(sides);
    }

    private void run(List<RelSide> sides) {
        List<List<RelSide>> byTable = new ArrayList<>(doc.size());
        for (int t = 0; t < doc.size(); t++) {
            byTable.add(null);
        }
        for (RelSide s : sides) {
            List<RelSide> l = byTable.get(s.table);
            if (l == null) {
                byTable.set(s.table, l = new ArrayList<>(2));
            }
            l.add(s);
        }
        for (int t = 0; t < doc.size(); t++) {
            List<RelSide> mine = byTable.get(t);
            if (mine == null && !doc.renamesAColumn(t)) {
                continue; // no relationship and every attribute is its column's name: nothing can meet
            }
            Map<String, Object> taken = columnAttributes(t);
            if (mine == null) {
                continue;
            }
            for (RelSide s : mine) {
                if (s.mirror != null && s.mirror.backAttribute != null) {
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

    /**
     * Attributes the columns take (declared, then those the options add), each mapped to what
     * holds it: a declared column (its index), an option's column (its name) or a relationship
     * ({@link RelSide}); messages are built only when two meet. Reports two columns meeting on one attribute.
     */
    private Map<String, Object> columnAttributes(int t) {
        int n = doc.columnCount(t);
        Map<String, Object> taken = new HashMap<>(n * 2 + 8);
        for (int i = 0; i < n; i++) {
            // from the flat attributes array, not the column objects: on a large document the
            // columns are no longer in the cache by this pass, and only a collision needs them
            String a = doc.attribute(t, i);
            if (a == null) {
                continue;
            }
            Object before = taken.putIfAbsent(a, i);
            if (before instanceof Integer first) {
                Table table = doc.table(t);
                Column c = table.columns().get(i);
                String firstName = doc.column(t, first).name();
                if (!firstName.equals(c.name())) {
                    ctx.report(FindingCode.DUPLICATE_RELATIONSHIP_NAME, c.at(), "name", "columns `" + firstName + "`",
                            "`" + c.name() + "`", table.tableName(), a, " (a Python keyword or reserved name gets a trailing"
                                    + " `_`)", "rename one");
                }
            }
        }
        if (doc.table(t).useTimestamps()) {
            taken.putIfAbsent("created_at", "created_at");
            taken.putIfAbsent("updated_at", "updated_at");
        }
        if (doc.table(t).useSoftDelete()) {
            taken.putIfAbsent("is_deleted", "is_deleted");
            taken.putIfAbsent("deleted_at", "deleted_at");
        }
        return taken;
    }

    /** What holds an attribute of table {@code t}: a relationship, a column (by index), or an option's column (by name). */
    private String describe(Object holder, int t) {
        if (holder instanceof RelSide r) {
            return "the " + r.type.wire() + " to `" + doc.name(r.target) + "`";
        }
        return "column `" + (holder instanceof Integer c ? doc.column(t, c).name() : holder) + "`";
    }

    private void given(RelSide s, Map<String, Object> taken) {
        String name = s.mirror.backAttribute;
        Object before = taken.putIfAbsent(name, s);
        s.attribute = name;
        if (before != null) {
            ctx.report(FindingCode.DUPLICATE_RELATIONSHIP_NAME, s.mirror.rel.at(), "back_populates", describe(before, s.table),
                    describe(s, s.table) + " (named by its mirror's `back_populates` `" + s.mirror.rel.backPopulates() + "`)",
                    doc.name(s.table), name, "", "choose another `back_populates`");
        }
    }

    private void derived(RelSide s, Map<String, Object> taken) {
        String targetClass = doc.className(s.target);
        String first;
        if (s.type.toMany()) {
            first = PythonNames.attributeFor(doc.name(s.target));
        } else if (s.link != null && s.link.table() == s.table && (!s.selfReferential() || holdsKey(s))) {
            String column = doc.columnName(s.link.table(), s.link.column());
            first = column.endsWith("_id") && column.length() > 3
                    ? PythonNames.attributeFor(column.substring(0, column.length() - 3))
                    : PythonNames.attributeFor(PythonNames.snake(targetClass));
        } else {
            first = PythonNames.attributeFor(PythonNames.snake(targetClass));
        }
        String name = first;
        if (taken.containsKey(name) && !s.type.toMany()) {
            name = PythonNames.attributeFor(PythonNames.snake(targetClass));
        }
        for (int n = 2; taken.containsKey(name); n++) {
            name = first + "_" + n;
        }
        taken.put(name, s);
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
        if (s.foreignKey != null || s.mirror == null) {
            return true;
        }
        return s.mirror.foreignKey == null && s.before(s.mirror);
    }

    private void missingMirror(RelSide s) {
        String here = doc.name(s.table);
        String there = doc.name(s.target);
        String back = s.selfReferential() ? "to itself" : "back to `" + here + "`";
        String named = s.rel.backPopulates() == null ? "" : " named `" + s.rel.backPopulates() + "`";
        ctx.report(FindingCode.MISSING_BACK_POPULATES, s.rel.at(), null, doc.className(s.table), s.attribute, s.type.wire(),
                there, s.type.mirror().wire(), back, named);
    }
}
