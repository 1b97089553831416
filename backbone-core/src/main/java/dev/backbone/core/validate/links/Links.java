package dev.backbone.core.validate.links;

import dev.backbone.core.index.DocumentIndex;
import dev.backbone.core.naming.PythonNames;
import dev.backbone.core.schema.Relationship;
import dev.backbone.core.validate.FindingCode;
import dev.backbone.core.validate.rules.ValidationContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;

/**
 * What the references of a document resolve to, worked out by the schema_validator once every
 * rule of a single element holds: the foreign keys as a graph (which keys are added after the
 * tables to break a cycle, the order to create the tables in) and the relationships paired with
 * their mirrors, linked to their keys and named, with the association tables of many_to_many
 * ones. Resolving them is what finds the document-wide errors (a cycle of NOT NULL keys, a
 * relationship with no key or with a name taken), so it is validation; the architect reads the
 * result and decides none of it again.
 *
 * <p>The passes, each its own class and each linear in the document (the build order adds a log
 * factor): {@link ForeignKeys}, {@link DependencyGraph}, {@link CycleResolver}
 * ({@link StronglyConnectedComponents}, {@link CyclePaths}), {@link BuildOrder};
 * {@link RelationshipPairing} ({@link RelationshipLinks}), {@link Associations},
 * {@link RelationshipNames}.
 */
public final class Links {

    /** A generated association table: its name and its two key columns, {@code left} to the table whose name sorts first. */
    public record Association(String name, End left, End right) {}

    /** A key column of an association table, and the single primary key column (of table {@code table}) it references. */
    public record End(String column, int table, int keyColumn) {}

    private final ForeignKeys keys;
    private final boolean[] deferred;
    private final int[] order;
    private final List<List<LinkedRelationship>> relationships;
    private final List<Association> associations;

    private Links(ForeignKeys keys, boolean[] deferred, int[] order, List<List<LinkedRelationship>> relationships,
            List<Association> associations) {
        this.keys = keys;
        this.deferred = deferred;
        this.order = order;
        this.relationships = relationships;
        this.associations = List.copyOf(associations);
    }

    /**
     * Resolves the references of the document {@code ctx} checks, reporting what stands in the way
     * (CIRCULAR_DEPENDENCY, BUILD_ORDER_INCOMPLETE, DEFERRED_FOREIGN_KEY, the pairing, key and
     * name codes of relationships, SECONDARY_TABLE_CONFLICT). Only for a document in which no
     * single element has an error: every key and relationship target then exists.
     */
    public static Links resolve(ValidationContext ctx) {
        DocumentIndex doc = ctx.index();
        ForeignKeys keys = new ForeignKeys(doc);
        DependencyGraph graph = DependencyGraph.of(keys);
        CycleResolver.Resolution cycles = CycleResolver.resolve(ctx, keys, graph);
        boolean[] deferred = cycles.deferred();
        // With a NOT NULL cycle, the order still places every table outside it (and outside what
        // depends on it); the rest is BUILD_ORDER_INCOMPLETE.
        int[] order = new BuildOrder(graph).all(e -> !deferred[graph.edge(e).id()]);
        if (order.length < doc.size()) {
            reportUnplaced(ctx, order);
        }
        List<RelSide> sides = sides(doc);
        RelationshipPairing.pair(ctx, keys, sides);
        List<Association> associations = Associations.plan(ctx, keys, sides);
        RelationshipNames.assign(ctx, sides);
        return new Links(keys, deferred, order, linked(keys, sides), associations);
    }

    /** Every foreign key, in document order (table, then column). */
    public List<FkEdge> foreignKeys() {
        return Collections.unmodifiableList(keys.all());
    }

    /** The foreign key of column {@code c} of table {@code t}, or null when it is not one. */
    public FkEdge foreignKey(int t, int c) {
        return keys.of(t, c);
    }

    /** Whether {@code key} is added after the tables exist, breaking a cycle. */
    public boolean deferred(FkEdge key) {
        return deferred[key.id()];
    }

    /** The document indexes of the tables in build order: each after the tables its non-deferred keys point to. */
    public int[] buildOrder() {
        return order.clone();
    }

    /** The relationships table {@code t} declares, in document order. */
    public List<LinkedRelationship> relationships(int t) {
        List<LinkedRelationship> l = relationships.get(t);
        return l == null ? List.of() : l;
    }

    /** The association tables to generate, in the order of the relationships that need them. */
    public List<Association> associations() {
        return associations;
    }

    private static List<RelSide> sides(DocumentIndex doc) {
        List<RelSide> sides = new ArrayList<>();
        for (int t = 0; t < doc.size(); t++) {
            List<Relationship> rels = doc.table(t).relationships();
            for (int r = 0; r < rels.size(); r++) {
                sides.add(new RelSide(t, r, doc.relationshipTarget(t, r), rels.get(r)));
            }
        }
        return sides;
    }

    /** The resolved sides, immutable, grouped by table (null for a table without relationships). */
    private static List<List<LinkedRelationship>> linked(ForeignKeys keys, List<RelSide> sides) {
        DocumentIndex doc = keys.doc();
        List<List<LinkedRelationship>> out = new ArrayList<>(Collections.nCopies(doc.size(), null));
        for (RelSide s : sides) {
            String keyColumn = null;
            String keyTable = null;
            if (s.link != null && keys.linkCount(s.table, s.target) > 1) {
                keyColumn = doc.columnName(s.link.table(), s.link.column());
                keyTable = doc.name(s.link.table());
            }
            String remote = s.remoteSide;
            if (s.selfReferential() && s.link != null && RelationshipNames.holdsKey(s)) {
                remote = PythonNames.attributeFor(doc.columnName(s.link.targetTable(), s.link.targetColumn()));
            }
            if (out.get(s.table) == null) {
                out.set(s.table, new ArrayList<>(2));
            }
            out.get(s.table).add(new LinkedRelationship(s.table, s.target, s.type, s.attribute,
                    s.mirror == null ? null : s.mirror.attribute, keyColumn, keyTable, s.secondary, remote, s.description));
        }
        out.replaceAll(l -> l == null ? null : List.copyOf(l));
        return out;
    }

    /** Names the tables without a place: those in a NOT NULL cycle and those that depend on one. */
    private static void reportUnplaced(ValidationContext ctx, int[] order) {
        DocumentIndex doc = ctx.index();
        boolean[] placed = new boolean[doc.size()];
        for (int t : order) {
            placed[t] = true;
        }
        StringJoiner missing = new StringJoiner(", ");
        int first = -1;
        for (int t = 0; t < doc.size(); t++) {
            if (!placed[t]) {
                first = first < 0 ? t : first;
                missing.add(doc.name(t));
            }
        }
        ctx.report(FindingCode.BUILD_ORDER_INCOMPLETE, doc.table(first).at(), "table_name", missing.toString());
    }
}
