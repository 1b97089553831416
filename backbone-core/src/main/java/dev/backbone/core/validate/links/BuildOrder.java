package dev.backbone.core.validate.links;

import java.util.function.IntPredicate;

/**
 * Kahn's topological sort where, among the tables ready to be built, the one declared first
 * always goes first: the order is a pure function of the document (the same bytes on every run)
 * and, when the document is already in a valid order, it is kept as written. O((V + E) log V).
 *
 * <p>One instance keeps its scratch arrays, so ordering many small cycles in a large document
 * costs their size, not the document's size each time.
 */
final class BuildOrder {

    private final DependencyGraph graph;
    private final int[] pending;
    private final IntMinHeap ready;

    BuildOrder(DependencyGraph graph) {
        this.graph = graph;
        this.pending = new int[graph.size()];
        this.ready = new IntMinHeap(16);
    }

    /** The whole document's order using every edge {@code use} accepts (all but deferred keys). */
    int[] all(IntPredicate use) {
        int[] nodes = new int[graph.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = i;
        }
        return order(nodes, v -> true, use);
    }

    /**
     * Orders {@code nodes} (ascending document indexes, exactly the nodes {@code member} accepts)
     * by the edges between them that {@code use} accepts. The result is shorter than
     * {@code nodes} when those edges hold a cycle: the tables on it, and after it, are left out.
     */
    int[] order(int[] nodes, IntPredicate member, IntPredicate use) {
        for (int v : nodes) {
            int count = 0;
            for (int p = graph.out().start(v); p < graph.out().end(v); p++) {
                int e = graph.out().edge(p);
                if (use.test(e) && member.test(graph.edge(e).targetTable())) {
                    count++;
                }
            }
            pending[v] = count;
        }
        ready.clear();
        for (int v : nodes) {
            if (pending[v] == 0) {
                ready.push(v);
            }
        }
        int[] out = new int[nodes.length];
        int placed = 0;
        while (!ready.isEmpty()) {
            int v = ready.pop();
            out[placed++] = v;
            for (int p = graph.in().start(v); p < graph.in().end(v); p++) {
                int e = graph.in().edge(p);
                int u = graph.edge(e).table();
                if (use.test(e) && member.test(u) && --pending[u] == 0) {
                    ready.push(u);
                }
            }
        }
        return placed == out.length ? out : java.util.Arrays.copyOf(out, placed);
    }
}
