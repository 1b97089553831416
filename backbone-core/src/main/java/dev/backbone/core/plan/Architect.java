package dev.backbone.core.plan;

import dev.backbone.core.schema.Schema;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.FindingCode;
import dev.backbone.core.validate.SchemaValidator;
import dev.backbone.core.validate.ValidatedSchema;
import dev.backbone.core.workflow.StageResult;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The architect agent: turns a validated schema into a {@link Plan} (build order, deferred keys,
 * relationship pairing, names). It takes only a {@link ValidatedSchema}, which only the
 * schema_validator makes, so every rule of the format holds and it checks nothing again; its
 * findings are about planning alone (cycles, pairing, names).
 *
 * <p>The passes, each its own class and each linear in the document (tables + columns + keys +
 * relationships; the build order adds a log factor):
 * <ol>
 *   <li>{@link TableIndex} ({@link ColumnDrafts}): the one visit to each table, on top of the
 *       validator's {@link dev.backbone.core.index.DocumentIndex};
 *   <li>{@link DependencyGraph}, {@link CycleResolver} ({@link StronglyConnectedComponents}),
 *       {@link BuildOrder}: which keys are deferred and the order of the tables;
 *   <li>{@link RelationshipPairing} ({@link RelationshipLinks}), {@link AssociationPlanner},
 *       {@link RelationshipNames}: mirrors, keys, association tables, attribute names;
 *   <li>{@link ColumnPlanner} ({@link EnumNames}), {@link PlanBuilder}.
 * </ol>
 *
 * <p>The plan is null whenever an error is reported. Stateless: one instance may plan
 * concurrently for many callers.
 */
public final class Architect {

    /** The plan, or null when the architect found errors (an all-NOT-NULL cycle, an unpairable relationship). */
    public record Result(Plan plan, List<Finding> findings) implements StageResult {
        public Result {
            findings = List.copyOf(findings);
        }

        @Override
        public boolean succeeded() {
            return plan != null;
        }
    }

    /** Plans a document the schema_validator accepted. */
    public Result plan(ValidatedSchema validated) {
        Schema schema = validated.schema();
        List<Finding> findings = new ArrayList<>();
        TableIndex index = TableIndex.of(validated);
        DependencyGraph graph = DependencyGraph.of(index);
        CycleResolver.Resolution cycles = CycleResolver.resolve(index, graph);
        findings.addAll(cycles.findings());
        boolean[] deferred = cycles.deferred();
        // With a NOT NULL cycle, the order still places every table outside it (and outside what
        // depends on it); the rest is BUILD_ORDER_INCOMPLETE.
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
        ColumnPlanner columns = new ColumnPlanner(index, deferred, tableNames);
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
