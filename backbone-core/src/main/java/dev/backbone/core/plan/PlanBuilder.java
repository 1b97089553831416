package dev.backbone.core.plan;

import dev.backbone.core.index.DocumentIndex;
import dev.backbone.core.index.NameIndex;
import dev.backbone.core.naming.PythonNames;
import dev.backbone.core.naming.SqlNames;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.validate.links.FkEdge;
import dev.backbone.core.validate.links.LinkedRelationship;
import dev.backbone.core.validate.links.Links;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Assembles the immutable {@link PlannedTable}s, in build order, and the association tables
 * from what the validator resolved ({@link Links}) and the planned columns.
 */
final class PlanBuilder {

    /**
     * Module names a model must not take: the generated package already has these files
     * ({@code app/models/base.py}, {@code mixins.py}, {@code associations.py}).
     */
    static final Set<String> RESERVED_MODULES = Set.of("base", "mixins", "associations", "__init__");

    private final DocumentIndex doc;
    private final Links links;
    private final ColumnDrafts drafts;
    private final ColumnPlanner columns;
    private final String[] modules;

    PlanBuilder(DocumentIndex doc, Links links, ColumnDrafts drafts, ColumnPlanner columns) {
        this.doc = doc;
        this.links = links;
        this.drafts = drafts;
        this.columns = columns;
        this.modules = modules(doc);
    }

    /** Module names in document order, unique ({@code base} becomes {@code base_}; a clash gets {@code _2}). */
    private static String[] modules(DocumentIndex doc) {
        String[] out = new String[doc.size()];
        NameIndex used = new NameIndex(doc.size());
        for (int t = 0; t < doc.size(); t++) {
            String m = module(doc.name(t));
            String unique = m;
            for (int n = 2; !used.add(unique); n++) {
                unique = m + "_" + n;
            }
            out[t] = unique;
        }
        return out;
    }

    /** The module of a table's model: its name, with a trailing {@code _} when that would break an import. */
    static String module(String tableName) {
        if (RESERVED_MODULES.contains(tableName) || PythonNames.isKeyword(tableName)) {
            return tableName + "_";
        }
        return tableName;
    }

    List<PlannedTable> tables(int[] order) {
        List<PlannedTable> out = new ArrayList<>(order.length);
        for (int t : order) {
            out.add(table(t));
        }
        return out;
    }

    List<DeferredForeignKey> deferred() {
        List<DeferredForeignKey> out = new ArrayList<>();
        for (FkEdge fk : links.foreignKeys()) {
            if (links.deferred(fk)) {
                PlannedColumn.ForeignKeyRef ref = columns.reference(fk);
                out.add(new DeferredForeignKey(doc.name(fk.table()), doc.columnName(fk.table(), fk.column()),
                        ref.table(), ref.column(), ref.onDelete(), ref.constraintName()));
            }
        }
        return out;
    }

    /** The association tables to generate, with the storage type and constraint of each key. */
    static List<AssociationTable> associations(DocumentIndex doc, Links links) {
        List<AssociationTable> out = new ArrayList<>(links.associations().size());
        for (Links.Association a : links.associations()) {
            out.add(new AssociationTable(a.name(), side(doc, a.name(), a.left()), side(doc, a.name(), a.right())));
        }
        return out;
    }

    private static AssociationTable.Side side(DocumentIndex doc, String association, Links.End end) {
        int t = end.table();
        ColumnType type = doc.columnById(doc.source(doc.id(t, end.keyColumn()))).type();
        return new AssociationTable.Side(end.column(), doc.name(t), doc.columnName(t, end.keyColumn()), type,
                SqlNames.foreignKey(association, end.column(), doc.name(t)));
    }

    private PlannedTable table(int t) {
        List<LinkedRelationship> declared = links.relationships(t);
        List<PlannedRelationship> rels = new ArrayList<>(declared.size());
        for (LinkedRelationship r : declared) {
            rels.add(new PlannedRelationship(r.attribute(), r.type(), doc.name(r.target()), doc.className(r.target()),
                    modules[r.target()], r.backPopulates(), r.foreignKeyColumn(), r.foreignKeyTable(), r.secondary(),
                    r.selfReferential(), r.remoteSide(), r.description()));
        }
        return new PlannedTable(doc.name(t), doc.className(t), modules[t], drafts.description(t), drafts.timestamps(t),
                drafts.softDelete(t), columns.columns(t), rels);
    }
}
