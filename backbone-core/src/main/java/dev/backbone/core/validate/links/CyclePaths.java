package dev.backbone.core.validate.links;

import java.util.function.IntPredicate;

/**
 * Breadth-first searches inside one cycle (strongly connected component): the shortest way back
 * that names a cycle in a message, and "does this key still close a cycle?" when the resolver
 * tries to keep a key it had set aside.
 *
 * <p>All searches share one budget of steps proportional to the document, so that even a
 * pathological document (thousands of tables in one knot) keeps the cycle checks linear: once the
 * budget is spent, searches answer "unknown" and callers take the safe, simpler choice.
 */
final class CyclePaths {

    private final DependencyGraph graph;
    private final int[] seen;
    private final int[] parentEdge;
    private final int[] queue;
    private int stamp;
    private long budget;

    CyclePaths(DependencyGraph graph) {
        this.graph = graph;
        this.seen = new int[graph.size()];
        this.parentEdge = new int[graph.size()];
        this.queue = new int[graph.size()];
        this.budget = 8L * (graph.size() + graph.edgeCount()) + 200_000;
    }

    /**
     * The shortest path of edges (graph numbers) from {@code from} to {@code to} through nodes
     * {@code member} accepts and edges {@code use} accepts; at least one edge, so
     * {@code from == to} asks for a cycle. Empty array when there is none, {@code null} when the
     * budget ran out first.
     */
    int[] path(int from, int to, IntPredicate member, IntPredicate use) {
        if (budget <= 0) {
            return null;
        }
        stamp++;
        int head = 0;
        int tail = 0;
        queue[tail++] = from;
        seen[from] = stamp;
        while (head < tail) {
            int v = queue[head++];
            for (int p = graph.out().start(v); p < graph.out().end(v); p++) {
                if (--budget <= 0) {
                    return null;
                }
                int e = graph.out().edge(p);
                int w = graph.edge(e).targetTable();
                if (!use.test(e) || !member.test(w)) {
                    continue;
                }
                if (w == to) {
                    return unwind(from, v, e);
                }
                if (seen[w] != stamp) {
                    seen[w] = stamp;
                    parentEdge[w] = e;
                    queue[tail++] = w;
                }
            }
        }
        return new int[0];
    }

    private int[] unwind(int from, int last, int lastEdge) {
        int length = 1;
        for (int v = last; v != from; v = graph.edge(parentEdge[v]).table()) {
            length++;
        }
        int[] edges = new int[length];
        edges[length - 1] = lastEdge;
        int i = length - 2;
        for (int v = last; v != from; v = graph.edge(parentEdge[v]).table()) {
            edges[i--] = parentEdge[v];
        }
        return edges;
    }
}
