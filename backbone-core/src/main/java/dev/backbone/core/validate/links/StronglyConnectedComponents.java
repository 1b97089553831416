package dev.backbone.core.validate.links;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Tarjan's strongly connected components, iterative: an explicit stack instead of recursion, so
 * that a chain of 10,000 tables cannot overflow the thread's stack. Linear in tables + keys.
 * A component of more than one table is a cycle of foreign keys.
 */
final class StronglyConnectedComponents {

    private final int[] component;
    private final int[] sizes;

    private StronglyConnectedComponents(int[] component, int count) {
        this.component = component;
        this.sizes = new int[count];
        for (int c : component) {
            sizes[c]++;
        }
    }

    /** Components of {@code graph} using only the edges {@code use} accepts (by graph edge number). */
    static StronglyConnectedComponents of(DependencyGraph graph, IntPredicate use) {
        int n = graph.size();
        int[] index = new int[n];
        int[] low = new int[n];
        int[] component = new int[n];
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int[] call = new int[n];
        int[] next = new int[n];
        Arrays.fill(index, -1);
        int sp = 0;
        int counter = 0;
        int components = 0;
        for (int s = 0; s < n; s++) {
            if (index[s] != -1) {
                continue;
            }
            int cp = 0;
            index[s] = low[s] = counter++;
            stack[sp++] = s;
            onStack[s] = true;
            call[cp++] = s;
            next[s] = graph.out().start(s);
            while (cp > 0) {
                int v = call[cp - 1];
                if (next[v] < graph.out().end(v)) {
                    int e = graph.out().edge(next[v]++);
                    if (!use.test(e)) {
                        continue;
                    }
                    int w = graph.edge(e).targetTable();
                    if (index[w] == -1) {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        call[cp++] = w;
                        next[w] = graph.out().start(w);
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    cp--;
                    if (cp > 0) {
                        int u = call[cp - 1];
                        low[u] = Math.min(low[u], low[v]);
                    }
                    if (low[v] == index[v]) {
                        int w;
                        do {
                            w = stack[--sp];
                            onStack[w] = false;
                            component[w] = components;
                        } while (w != v);
                        components++;
                    }
                }
            }
        }
        return new StronglyConnectedComponents(component, components);
    }

    int count() {
        return sizes.length;
    }

    int componentOf(int node) {
        return component[node];
    }

    int sizeOf(int comp) {
        return sizes[comp];
    }

    /** Whether {@code node} lies on a cycle (its component holds more than one table). */
    boolean inCycle(int node) {
        return sizes[component[node]] > 1;
    }

    /** Members of each component, each list ascending by document index. */
    int[][] members() {
        int[][] out = new int[sizes.length][];
        int[] fill = new int[sizes.length];
        for (int c = 0; c < sizes.length; c++) {
            out[c] = new int[sizes[c]];
        }
        for (int v = 0; v < component.length; v++) {
            int c = component[v];
            out[c][fill[c]++] = v;
        }
        return out;
    }
}
