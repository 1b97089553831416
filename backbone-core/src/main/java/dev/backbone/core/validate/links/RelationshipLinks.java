package dev.backbone.core.validate.links;

import dev.backbone.core.index.DocumentIndex;
import dev.backbone.core.naming.PythonNames;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.RelationshipType;
import dev.backbone.core.validate.FindingCode;
import dev.backbone.core.validate.links.RelSide.LinkState;
import dev.backbone.core.validate.rules.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Which foreign key a relationship goes through.
 *
 * <p>Before pairing, each side learns what it can alone: its {@code foreign_key}; the single key
 * linking the two tables; or, among several, the one whose name is the to-one attribute plus
 * {@code _id} (a one_to_many whose {@code back_populates} is {@code author} goes through
 * {@code author_id}). After pairing, a side that still does not know takes its mirror's key;
 * what is left unknown is reported: REL_NO_FOREIGN_KEY or REL_AMBIGUOUS_FOREIGN_KEY.
 */
final class RelationshipLinks {

    private final ValidationContext ctx;
    private final ForeignKeys keys;
    private final DocumentIndex doc;

    RelationshipLinks(ValidationContext ctx, ForeignKeys keys) {
        this.ctx = ctx;
        this.keys = keys;
        this.doc = keys.doc();
    }

    /** Sets {@link RelSide#state} and {@link RelSide#link} from what this side alone says. */
    void linkAlone(RelSide s) {
        int a = s.table;
        int b = s.target;
        switch (s.type) {
            case MANY_TO_MANY -> s.state = LinkState.ASSOCIATION;
            case MANY_TO_ONE -> {
                if (s.foreignKey != null) {
                    explicit(s);
                } else {
                    choose(s, keys.between(a, b), null, List.of());
                }
            }
            case ONE_TO_MANY -> choose(s, keys.between(b, a), s.backPopulates, keys.between(b, a));
            case ONE_TO_ONE -> {
                if (s.foreignKey != null) {
                    explicit(s);
                } else {
                    choose(s, linking(a, b), s.backPopulates, keys.between(b, a));
                }
            }
        }
    }

    /** After pairing: share what one side knows with its mirror, and report what nobody knows. */
    void finish(List<RelSide> sides) {
        for (RelSide s : sides) {
            RelSide m = s.mirror;
            if (s.state == LinkState.ASSOCIATION || (m != null && m.before(s))) {
                continue; // pairs are handled once, from their first side
            }
            if (m != null) {
                if (s.state != LinkState.KNOWN && m.state == LinkState.KNOWN) {
                    adopt(s, m);
                } else if (m.state != LinkState.KNOWN && s.state == LinkState.KNOWN) {
                    adopt(m, s);
                }
            }
            if (s.state == LinkState.KNOWN || s.state == LinkState.ERROR || (m != null && m.state == LinkState.ERROR)) {
                continue;
            }
            RelSide at = s;
            if (m != null && !fixedOn(s) && fixedOn(m)) {
                at = m;
            }
            report(at);
        }
    }

    /** Every key between the two tables, either direction (once for a table pointing at itself). */
    List<FkEdge> linking(int a, int b) {
        if (a == b) {
            return keys.between(a, a);
        }
        List<FkEdge> ab = keys.between(a, b);
        List<FkEdge> ba = keys.between(b, a);
        if (ba.isEmpty()) {
            return ab;
        }
        List<FkEdge> all = new ArrayList<>(ab);
        all.addAll(ba);
        return all;
    }

    private static void adopt(RelSide s, RelSide from) {
        s.state = LinkState.KNOWN;
        s.link = from.link;
    }

    /** Whether {@code foreign_key} is where this side's key is named (a to-one side). */
    private static boolean fixedOn(RelSide s) {
        return s.type == RelationshipType.MANY_TO_ONE || s.type == RelationshipType.ONE_TO_ONE;
    }

    private void choose(RelSide s, List<FkEdge> candidates, String hint, List<FkEdge> hintPool) {
        if (candidates.size() == 1) {
            s.state = LinkState.KNOWN;
            s.link = candidates.get(0);
            return;
        }
        if (candidates.isEmpty()) {
            s.state = LinkState.NONE;
            return;
        }
        s.state = LinkState.MANY;
        if (hint == null) {
            return;
        }
        FkEdge found = null;
        for (FkEdge e : hintPool) {
            String col = doc.columnName(e.table(), e.column());
            if (col.equals(hint + "_id") || col.equals(hint)) {
                if (found != null) {
                    return;
                }
                found = e;
            }
        }
        if (found != null) {
            s.state = LinkState.KNOWN;
            s.link = found;
        }
    }

    private void explicit(RelSide s) {
        String name = s.foreignKey;
        int c = doc.columnIndex(s.table, name);
        FkEdge fk = c < 0 ? null : keys.of(s.table, c);
        if (fk != null && fk.targetTable() == s.target) {
            s.state = LinkState.KNOWN;
            s.link = fk;
            return;
        }
        s.state = LinkState.ERROR;
        String here = doc.name(s.table);
        String there = doc.name(s.target);
        String why;
        if (c < 0) {
            why = "table `" + here + "` has no column `" + name + "`";
        } else if (fk == null) {
            why = "column `" + here + "." + name + "` is not a ForeignKey";
        } else {
            why = "`" + here + "." + name + "` points to `" + doc.name(fk.targetTable()) + "`, not `" + there + "`";
        }
        List<FkEdge> options = keys.between(s.table, s.target);
        String hint = options.isEmpty()
                ? "; add a ForeignKey column to `" + there + "` first"
                : "; use " + columnsOf(options);
        ctx.report(FindingCode.REL_FOREIGN_KEY_NOT_FOUND, s.rel.at(), "foreign_key", name, s.type.wire(), there, here, why,
                hint);
    }

    private void report(RelSide s) {
        String here = doc.name(s.table);
        String there = doc.name(s.target);
        if (s.state == LinkState.NONE) {
            String holder = s.type == RelationshipType.ONE_TO_MANY ? there : here;
            String other = s.type == RelationshipType.ONE_TO_MANY ? here : there;
            String suggestion = suggestColumn(doc.indexOf(other));
            ctx.report(FindingCode.REL_NO_FOREIGN_KEY, s.rel.at(), null, here, there, s.type.wire(), holder,
                    suggestion == null ? "" : " (e.g. " + suggestion + ")");
            return;
        }
        List<FkEdge> options = s.type == RelationshipType.ONE_TO_ONE ? linking(s.table, s.target)
                : s.type == RelationshipType.ONE_TO_MANY ? keys.between(s.target, s.table)
                : keys.between(s.table, s.target);
        String fix = s.type == RelationshipType.ONE_TO_MANY
                ? "name one with `foreign_key` on the many_to_one side, or let this `back_populates` name its attribute"
                        + " (`author` for `author_id`)"
                : "name one with `\"foreign_key\"`";
        ctx.report(FindingCode.REL_AMBIGUOUS_FOREIGN_KEY, s.rel.at(), null, here, there, columnsOf(options), s.type.wire(),
                fix);
    }

    /** {@code `user_id` with "target": "users.id"}, or null when the table has no single key. */
    private String suggestColumn(int referenced) {
        List<Column> pk = doc.table(referenced).primaryKey();
        if (pk.size() != 1) {
            return null;
        }
        String stem = PythonNames.snake(doc.table(referenced).className());
        return "`" + stem + "_id` with `\"target\": \"" + doc.name(referenced) + "." + pk.get(0).name() + "\"`";
    }

    private String columnsOf(List<FkEdge> edges) {
        StringJoiner j = new StringJoiner(", ");
        for (FkEdge e : edges) {
            j.add("`" + doc.name(e.table()) + "." + doc.column(e.table(), e.column()).name() + "`");
        }
        return j.toString();
    }
}
