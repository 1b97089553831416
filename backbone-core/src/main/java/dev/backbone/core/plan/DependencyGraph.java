package dev.backbone.core.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Tables and the foreign keys between them as a directed graph in compact (CSR) form: an edge
 * goes from the table holding a key to the table it references, so the referenced table must be
 * built first. Self references are left out: a table that points to itself is created in one
 * statement and is never a cycle.
 *
 * <p>Plain int arrays instead of maps of lists: the architect walks this graph several times
 * (components, order, cycle paths) and 10,000 tables must stay cheap.
 */
final class DependencyGraph {

    private final int size;
    private final List<FkEdge> edges;
    private final int[] outStart;
    private final int[] outEdges;
    private final int[] inStart;
    private final int[] inEdges;

    private DependencyGraph(int size, List<FkEdge> edges) {
        this.size = size;
        this.edges = edges;
        this.outStart = new int[size + 1];
        this.outEdges = new int[edges.size()];
        this.inStart = new int[size + 1];
        this.inEdges = new int[edges.size()];
        for (FkEdge e : edges) {
            outStart[e.table() + 1]++;
            inStart[e.targetTable() + 1]++;
        }
        for (int i = 0; i < size; i++) {
            outStart[i + 1] += outStart[i];
            inStart[i + 1] += inStart[i];
        }
        int[] outFill = java.util.Arrays.copyOf(outStart, size);
        int[] inFill = java.util.Arrays.copyOf(inStart, size);
        // edges arrive in document order, so each table's edges stay in document order
        for (int i = 0; i < edges.size(); i++) {
            FkEdge e = edges.get(i);
            outEdges[outFill[e.table()]++] = i;
            inEdges[inFill[e.targetTable()]++] = i;
        }
    }

    /** The graph of every foreign key of the index except self references. */
    static DependencyGraph of(TableIndex index) {
        List<FkEdge> edges = new ArrayList<>(index.foreignKeys().size());
        for (FkEdge e : index.foreignKeys()) {
            if (!e.selfReference()) {
                edges.add(e);
            }
        }
        return new DependencyGraph(index.size(), edges);
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

    /** First position of {@code node}'s out-edges in {@link #outEdge}. */
    int outStart(int node) {
        return outStart[node];
    }

    /** One past the last position of {@code node}'s out-edges. */
    int outEnd(int node) {
        return outStart[node + 1];
    }

    /** The graph number of the out-edge at position {@code pos}. */
    int outEdge(int pos) {
        return outEdges[pos];
    }

    /** First position of the edges pointing at {@code node} (the tables that depend on it) in {@link #inEdge}. */
    int inStart(int node) {
        return inStart[node];
    }

    int inEnd(int node) {
        return inStart[node + 1];
    }

    /** The graph number of the in-edge at position {@code pos}. */
    int inEdge(int pos) {
        return inEdges[pos];
    }
}
