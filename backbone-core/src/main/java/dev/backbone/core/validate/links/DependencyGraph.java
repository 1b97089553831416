package dev.backbone.core.validate.links;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Tables and the foreign keys between them as a directed graph in compact (CSR) form: an edge
 * goes from the table holding a key to the table it references, so the referenced table must be
 * built first. Self references are left out: a table that points to itself is created in one
 * statement and is never a cycle.
 *
 * <p>Plain int arrays instead of maps of lists: the cycle checks walk this graph several times
 * (components, order, cycle paths) and 10,000 tables must stay cheap.
 */
final class DependencyGraph {

    private final int size;
    private final List<FkEdge> edges;
    private final Adjacency out;
    private final Adjacency in;

    /**
     * The edges at each table in one direction: those of table {@code v} are
     * {@code edge(start(v))} to {@code edge(end(v) - 1)}, in document order.
     */
    static final class Adjacency {
        private final int[] start;
        private final int[] edges;

        /** Groups {@code all} by the table {@code at} names (the holder of the key, or its target). */
        private Adjacency(int size, List<FkEdge> all, ToIntFunction<FkEdge> at) {
            start = new int[size + 1];
            edges = new int[all.size()];
            for (FkEdge e : all) {
                start[at.applyAsInt(e) + 1]++;
            }
            for (int i = 0; i < size; i++) {
                start[i + 1] += start[i];
            }
            int[] fill = Arrays.copyOf(start, size);
            // edges arrive in document order, so each table's edges stay in document order
            for (int i = 0; i < all.size(); i++) {
                edges[fill[at.applyAsInt(all.get(i))]++] = i;
            }
        }

        /** First position of table {@code v}'s edges. */
        int start(int v) {
            return start[v];
        }

        /** One past the last position of table {@code v}'s edges. */
        int end(int v) {
            return start[v + 1];
        }

        /** The graph number of the edge at position {@code pos}. */
        int edge(int pos) {
            return edges[pos];
        }
    }

    private DependencyGraph(int size, List<FkEdge> edges) {
        this.size = size;
        this.edges = edges;
        this.out = new Adjacency(size, edges, FkEdge::table);
        this.in = new Adjacency(size, edges, FkEdge::targetTable);
    }

    /** The graph of every foreign key except self references. */
    static DependencyGraph of(ForeignKeys keys) {
        List<FkEdge> edges = new ArrayList<>(keys.all().size());
        for (FkEdge e : keys.all()) {
            if (!e.selfReference()) {
                edges.add(e);
            }
        }
        return new DependencyGraph(keys.doc().size(), edges);
    }

    int size() {
        return size;
    }

    int edgeCount() {
        return edges.size();
    }

    /** Edge number {@code i} (graph numbering, not {@link FkEdge#id()}). */
    FkEdge edge(int i) {
        return edges.get(i);
    }

    /** Each table's out-edges: the keys it holds, towards the tables it depends on. */
    Adjacency out() {
        return out;
    }

    /** Each table's in-edges: the keys pointing at it, from the tables that depend on it. */
    Adjacency in() {
        return in;
    }
}
