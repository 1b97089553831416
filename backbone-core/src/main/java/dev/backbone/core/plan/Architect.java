package dev.backbone.core.plan;

import dev.backbone.core.json.Position;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.FindingCode;
import dev.backbone.core.validate.SchemaValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * The architect agent: turns a valid schema into a {@link Plan} (build order, deferred keys,
 * relationship pairing, names). Runs only on a document without validation errors.
 *
 * <p>The passes, each its own class and each linear in the document (tables + columns + keys +
 * relationships; the build order adds a log factor):
 * <ol>
 *   <li>{@link TableIndexer} ({@link TableIndex}, {@link ColumnDrafts}, {@link PlanInputCheck}): the one visit
 *       to each table (possibly while the reader binds it, see {@link Prepared}), lookups, and a
 *       defensive re-check of what planning relies on;
 *   <li>{@link DependencyGraph}, {@link CycleResolver} ({@link StronglyConnectedComponents}),
 *       {@link BuildOrder}: which keys are deferred and the order of the tables;
 *   <li>{@link RelationshipPairing} ({@link RelationshipLinks}), {@link AssociationPlanner},
 *       {@link RelationshipNames}: mirrors, keys, association tables, attribute names;
 *   <li>{@link ColumnPlanner} ({@link EnumNames}, {@link DefaultValues}), {@link PlanBuilder}.
 * </ol>
 *
 * <p>Never throws: whatever it cannot plan is a finding, and the plan is null whenever an
 * error is reported. Stateless: one instance may plan concurrently for many callers.
 */
public final class Architect {

    /** The plan, or null when the architect itself found errors (an all-NOT-NULL cycle). */
    public record Result(Plan plan, List<Finding> findings) {
        public Result {
            findings = List.copyOf(findings);
        }
    }

    /**
     * A head start on planning: hand it to {@link dev.backbone.core.schema.SchemaReader#read(String,
     * java.util.function.Consumer)} and the architect indexes each table as soon as the reader has
     * bound it, while the table is still in the processor's cache; {@link #plan(Schema, Prepared)}
     * then finishes from there. On a document of 10,000 tables that visit costs half as much as one
     * after reading, when the model no longer fits in the cache. Single use, one thread.
     */
    public static final class Prepared implements Consumer<Table> {
        private final TableIndexer indexer = new TableIndexer(64);
        private boolean broken;
        private boolean used;

        private Prepared() {}

        @Override
        public void accept(Table table) {
            if (broken) {
                return;
            }
            try {
                indexer.add(table);
            } catch (RuntimeException e) {
                broken = true; // never the reader's problem: plan() indexes afresh and reports
            }
        }

        /** The indexer, if it holds exactly these tables and has not been used; else null. */
        private TableIndexer take(List<Table> tables) {
            if (broken || used || !indexer.holds(tables)) {
                return null;
            }
            used = true;
            return indexer;
        }
    }

    /** A new head start for one document (see {@link Prepared}). */
    public Prepared prepare() {
        return new Prepared();
    }

    public Result plan(Schema schema) {
        return plan(schema, null);
    }

    /**
     * Plans {@code schema}, using what {@code prepared} indexed while it was read when that is
     * exactly this schema's tables (otherwise, or with null, the tables are indexed here).
     */
    public Result plan(Schema schema, Prepared prepared) {
        try {
            return planChecked(schema, prepared);
        } catch (RuntimeException e) {
            // A bug, not the user's fault: say so plainly rather than crash the caller.
            Finding f = Finding.of(FindingCode.BUILD_ORDER_INCOMPLETE, "the architect could not plan this document"
                    + " (internal error: " + e.getClass().getSimpleName() + "); please report it with the document",
                    Position.ROOT);
            return new Result(null, List.of(f));
        }
    }

    private Result planChecked(Schema schema, Prepared prepared) {
        List<Finding> findings = new ArrayList<>();
        if (schema == null) {
            findings.add(Finding.of(FindingCode.SCHEMA_VALIDATION_ERROR, "there is no document to plan", Position.ROOT));
            return new Result(null, findings);
        }
        TableIndexer early = prepared == null ? null : prepared.take(schema.tables());
        TableIndex index = early != null ? early.finish(findings) : TableIndex.build(schema, findings);
        if (hasError(findings)) {
            return done(null, findings);
        }
        DependencyGraph graph = DependencyGraph.of(index);
        CycleResolver.Resolution cycles = CycleResolver.resolve(index, graph);
        findings.addAll(cycles.findings());
        boolean[] deferred = cycles.deferred();
        // With a NOT NULL cycle, the order still places every table outside it (and outside what
        // depends on it); the rest is BUILD_ORDER_INCOMPLETE, as earlier BackBone reported.
        int[] order = new BuildOrder(graph).all(e -> !deferred[graph.edge(e).id()]);
        if (order.length < index.size()) {
            reportUnplaced(index, order, findings);
        }
        if (!cycles.satisfiable()) {
            order = null;
        }
        List<RelSide> sides = RelationshipPairing.pair(index, findings);
        List<AssociationTable> associations = AssociationPlanner.plan(index, sides, findings);
        RelationshipNames.assign(index, sides, findings);
        List<String> tableNames = new ArrayList<>(index.size() + associations.size());
        tableNames.addAll(index.names());
        associations.forEach(a -> tableNames.add(a.name()));
        ColumnPlanner columns = new ColumnPlanner(index, deferred, tableNames, findings);
        PlanBuilder builder = new PlanBuilder(index, deferred, columns, sides);
        List<PlannedTable> tables = order == null ? List.of() : builder.tables(order);
        if (hasError(findings) || order == null) {
            return done(null, findings);
        }
        findings.sort(SchemaValidator.DOCUMENT_ORDER);
        Plan plan = new Plan(schema.projectName(), schema.dbType(), schema.description(), tables, associations,
                builder.deferred(), findings);
        return new Result(plan, findings);
    }

    private static Result done(Plan plan, List<Finding> findings) {
        findings.sort(SchemaValidator.DOCUMENT_ORDER);
        return new Result(plan, findings);
    }

    /** Names the tables without a place: those in a NOT NULL cycle and those that depend on one. */
    private static void reportUnplaced(TableIndex index, int[] order, List<Finding> findings) {
        boolean[] placed = new boolean[index.size()];
        for (int t : order) {
            placed[t] = true;
        }
        StringJoiner missing = new StringJoiner(", ");
        int first = -1;
        for (int t = 0; t < index.size(); t++) {
            if (!placed[t]) {
                first = first < 0 ? t : first;
                missing.add(index.name(t));
            }
        }
        findings.add(Findings.at(FindingCode.BUILD_ORDER_INCOMPLETE, "these tables could not be placed in the build"
                + " order: " + missing + "; each is in, or depends on, a cycle of NOT NULL foreign keys (see"
                + " CIRCULAR_DEPENDENCY): make one key of the cycle nullable", index.table(first).at(), "table_name"));
    }

    private static boolean hasError(List<Finding> findings) {
        for (Finding f : findings) {
            if (f.isError()) {
                return true;
            }
        }
        return false;
    }
}
