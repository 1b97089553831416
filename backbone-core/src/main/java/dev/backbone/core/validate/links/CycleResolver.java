package dev.backbone.core.validate.links;

import dev.backbone.core.validate.FindingCode;
import dev.backbone.core.validate.rules.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Decides which foreign keys of a cycle are added after the tables exist.
 *
 * <p>A cycle with a nullable key can be built: create the tables without that constraint, then
 * {@code ALTER TABLE ... ADD CONSTRAINT} (SQLAlchemy's {@code use_alter=True}). A cycle made only
 * of NOT NULL keys cannot (no row could ever be inserted first), and is
 * {@code CIRCULAR_DEPENDENCY}.
 *
 * <p>How keys are chosen, deterministically and as few as practical: inside each cycle
 * (strongly connected component) the tables are ordered as the NOT NULL keys require, ties
 * broken by document order; a nullable key pointing at a table later in that order is set aside.
 * Then each key set aside is taken back, from the last declared to the first, whenever it no
 * longer closes a cycle. The keys left are a minimal set: removing any one of them again would
 * leave a cycle. For two tables pointing at each other, this defers the key of the table
 * declared first (the one the user wrote "before" its target), as a reader would expect.
 */
final class CycleResolver {

    /** Which keys are deferred (by {@link FkEdge#id()}), and whether any table order can satisfy the rest. */
    record Resolution(boolean[] deferred, boolean satisfiable) {}

    private final ValidationContext ctx;
    private final ForeignKeys keys;
    private final DependencyGraph graph;
    private final CyclePaths paths;

    private CycleResolver(ValidationContext ctx, ForeignKeys keys, DependencyGraph graph) {
        this.ctx = ctx;
        this.keys = keys;
        this.graph = graph;
        this.paths = new CyclePaths(graph);
    }

    /** Decides the deferred keys, reporting CIRCULAR_DEPENDENCY and DEFERRED_FOREIGN_KEY. */
    static Resolution resolve(ValidationContext ctx, ForeignKeys keys, DependencyGraph graph) {
        return new CycleResolver(ctx, keys, graph).run();
    }

    private Resolution run() {
        boolean[] deferred = new boolean[keys.all().size()];
        if (!reportNotNullCycles()) {
            return new Resolution(deferred, false);
        }
        StronglyConnectedComponents scc = StronglyConnectedComponents.of(graph, e -> true);
        int[][] members = scc.members();
        BuildOrder order = new BuildOrder(graph);
        int[] position = new int[graph.size()];
        for (int c = 0; c < members.length; c++) {
            if (members[c].length > 1) {
                resolveComponent(scc, c, members[c], order, position, deferred);
            }
        }
        return new Resolution(deferred, true);
    }

    /** Reports every knot of NOT NULL keys; returns true when there is none. */
    private boolean reportNotNullCycles() {
        StronglyConnectedComponents notNull = StronglyConnectedComponents.of(graph, e -> !graph.edge(e).nullable());
        int[][] members = notNull.members();
        boolean none = true;
        for (int c = 0; c < members.length; c++) {
            if (members[c].length < 2) {
                continue;
            }
            none = false;
            int start = members[c][0];
            int comp = c;
            int[] cycle = paths.path(start, start, v -> notNull.componentOf(v) == comp, e -> !graph.edge(e).nullable());
            String named = cycle == null || cycle.length == 0 ? tablesOf(members[c]) : cycleText(start, cycle);
            String on = cycle == null || cycle.length == 0 ? "" : " (" + keysText(cycle) + ")";
            ctx.report(FindingCode.CIRCULAR_DEPENDENCY, keys.doc().table(start).at(), "table_name", named, on);
        }
        return none;
    }

    private void resolveComponent(StronglyConnectedComponents scc, int c, int[] nodes, BuildOrder order, int[] position,
            boolean[] deferred) {
        // 1. the order NOT NULL keys force (they are acyclic here), ties by document order
        int[] ordered = order.order(nodes, v -> scc.componentOf(v) == c, e -> !graph.edge(e).nullable());
        for (int i = 0; i < ordered.length; i++) {
            position[ordered[i]] = i;
        }
        // 2. set aside every nullable key pointing forward in that order
        List<Integer> aside = new ArrayList<>();
        for (int v : nodes) {
            for (int p = graph.out().start(v); p < graph.out().end(v); p++) {
                int e = graph.out().edge(p);
                FkEdge fk = graph.edge(e);
                if (scc.componentOf(fk.targetTable()) == c && position[fk.targetTable()] > position[v]) {
                    aside.add(e);
                    deferred[fk.id()] = true;
                }
            }
        }
        // 3. take back, last declared first, every key that no longer closes a cycle
        for (int i = aside.size() - 1; i >= 0 && aside.size() > 1; i--) {
            FkEdge fk = graph.edge(aside.get(i));
            int[] back = paths.path(fk.targetTable(), fk.table(), v -> scc.componentOf(v) == c,
                    e -> !deferred[graph.edge(e).id()]);
            if (back == null) {
                break; // budget spent: keep the rest deferred, which is always safe
            }
            if (back.length == 0) {
                deferred[fk.id()] = false;
            }
        }
        for (int e : aside) {
            FkEdge fk = graph.edge(e);
            if (deferred[fk.id()]) {
                report(fk, e, scc, c, nodes, deferred);
            }
        }
    }

    private void report(FkEdge fk, int edge, StronglyConnectedComponents scc, int c, int[] nodes, boolean[] deferred) {
        int[] back = paths.path(fk.targetTable(), fk.table(), v -> scc.componentOf(v) == c,
                e -> e == edge || !deferred[graph.edge(e).id()]);
        if (back != null && back.length == 0) {
            back = paths.path(fk.targetTable(), fk.table(), v -> scc.componentOf(v) == c, e -> true);
        }
        String cycle;
        if (back == null || back.length == 0) {
            cycle = "a cycle among " + tablesOf(nodes);
        } else {
            int[] full = new int[back.length + 1];
            full[0] = edge;
            System.arraycopy(back, 0, full, 1, back.length);
            cycle = "the cycle " + cycleText(fk.table(), full);
        }
        ctx.report(FindingCode.DEFERRED_FOREIGN_KEY, keys.doc().column(fk.table(), fk.column()).at(), "target",
                keys.describe(fk), cycle);
    }

    /** {@code orders -> invoices -> orders}. */
    private String cycleText(int start, int[] edges) {
        StringBuilder b = new StringBuilder(keys.doc().name(start));
        for (int e : edges) {
            b.append(" -> ").append(keys.doc().name(graph.edge(e).targetTable()));
        }
        return b.toString();
    }

    private String keysText(int[] edges) {
        StringJoiner j = new StringJoiner(", ");
        for (int e : edges) {
            j.add(keys.describe(graph.edge(e)));
        }
        return j.toString();
    }

    private String tablesOf(int[] nodes) {
        StringJoiner j = new StringJoiner(", ");
        for (int i = 0; i < nodes.length && i < 10; i++) {
            j.add(keys.doc().name(nodes[i]));
        }
        return j + (nodes.length > 10 ? ", ... (" + nodes.length + " tables)" : "");
    }
}
