package dev.backbone.core.plan;

import static dev.backbone.core.plan.PlanTestSupport.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.plan.PlanTestSupport.Doc;
import dev.backbone.core.plan.PlanTestSupport.Result;
import dev.backbone.core.validate.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the build order on random documents, each seed reproducible: acyclic documents
 * always plan, in exactly the order a naive reference computes; cyclic ones either report a
 * NOT NULL cycle that really exists, or defer only nullable keys, each of them necessary.
 */
class BuildOrderPropertyTest {

    static IntStream seeds() {
        return IntStream.range(0, 150);
    }

    /** A random graph: edges[i] lists {target, nullable ? 1 : 0} of table i's keys. */
    private record Graph(int n, List<List<int[]>> edges) {}

    private static Graph randomGraph(Random rnd, boolean acyclic) {
        int n = 1 + rnd.nextInt(30);
        List<Integer> rank = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rank.add(i);
        }
        Collections.shuffle(rank, rnd); // document order differs from any dependency order
        List<List<int[]>> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            edges.add(new ArrayList<>());
            int keys = rnd.nextInt(4);
            for (int k = 0; k < keys; k++) {
                int j = rnd.nextInt(n);
                if (acyclic && rank.get(j) >= rank.get(i)) {
                    continue;
                }
                boolean nullable = acyclic ? rnd.nextBoolean() : rnd.nextInt(3) > 0;
                edges.get(i).add(new int[] {j, nullable ? 1 : 0});
            }
        }
        return new Graph(n, edges);
    }

    private static String document(Graph g) {
        Doc d = new Doc();
        for (int i = 0; i < g.n(); i++) {
            d.table("t" + i, "T" + i).pk();
            int k = 0;
            for (int[] e : g.edges().get(i)) {
                String col = "k" + (k++) + "_id";
                if (e[1] == 1) {
                    d.fk(col, "t" + e[0] + ".id");
                } else {
                    d.fkNotNull(col, "t" + e[0] + ".id");
                }
            }
        }
        return d.json();
    }

    /** The earliest declared table whose (non-self) references are all placed, repeatedly: O(n^2), obviously right. */
    private static List<String> naiveOrder(Graph g, boolean[][] dropped) {
        List<String> order = new ArrayList<>();
        boolean[] placed = new boolean[g.n()];
        for (int step = 0; step < g.n(); step++) {
            for (int i = 0; i < g.n(); i++) {
                if (placed[i]) {
                    continue;
                }
                boolean ready = true;
                for (int k = 0; k < g.edges().get(i).size(); k++) {
                    int j = g.edges().get(i).get(k)[0];
                    if (j != i && !placed[j] && (dropped == null || !dropped[i][k])) {
                        ready = false;
                    }
                }
                if (ready) {
                    placed[i] = true;
                    order.add("t" + i);
                    break;
                }
            }
        }
        return order;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void acyclicDocumentsAlwaysPlanInTheReferenceOrder(int seed) {
        Graph g = randomGraph(new Random(seed), true);
        String json = document(g);
        Result r = plan(json);
        assertThat(r.findings()).filteredOn(Finding::isError).isEmpty();
        assertThat(r.plan()).isNotNull();
        assertThat(r.plan().deferred()).isEmpty();
        assertThat(r.plan().buildOrder()).containsExactlyElementsOf(naiveOrder(g, null));
        BuildOrderTest.assertPrecedes(r.plan());
        assertThat(plan(json).plan()).isEqualTo(r.plan());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cyclicDocumentsDeferOnlyNecessaryNullableKeysOrReportARealCycle(int seed) {
        Graph g = randomGraph(new Random(seed), false);
        Result r = plan(document(g));
        boolean notNullCycle = hasCycle(g, null, true);
        if (notNullCycle) {
            assertThat(r.plan()).isNull();
            assertThat(r.findings()).extracting(Finding::code).contains("CIRCULAR_DEPENDENCY");
            return;
        }
        Plan p = r.plan();
        assertThat(p).as("no NOT NULL cycle, so it plans: %s", r.findings()).isNotNull();
        boolean[][] dropped = new boolean[g.n()][];
        Map<String, int[]> columnIndex = new HashMap<>();
        for (int i = 0; i < g.n(); i++) {
            dropped[i] = new boolean[g.edges().get(i).size()];
            for (int k = 0; k < dropped[i].length; k++) {
                columnIndex.put("t" + i + ".k" + k + "_id", new int[] {i, k});
            }
        }
        for (DeferredForeignKey d : p.deferred()) {
            int[] at = columnIndex.get(d.table() + "." + d.column());
            assertThat(g.edges().get(at[0]).get(at[1])[1]).as("deferred key is nullable").isEqualTo(1);
            dropped[at[0]][at[1]] = true;
        }
        assertThat(hasCycle(g, dropped, false)).as("what is left is acyclic").isFalse();
        for (DeferredForeignKey d : p.deferred()) {
            int[] at = columnIndex.get(d.table() + "." + d.column());
            dropped[at[0]][at[1]] = false;
            assertThat(hasCycle(g, dropped, false)).as("%s.%s is needed", d.table(), d.column()).isTrue();
            dropped[at[0]][at[1]] = true;
        }
        assertThat(r.findings()).filteredOn(f -> f.code().equals("DEFERRED_FOREIGN_KEY")).hasSize(p.deferred().size());
        assertThat(p.buildOrder()).containsExactlyElementsOf(naiveOrder(g, dropped));
        BuildOrderTest.assertPrecedes(p);
    }

    @org.junit.jupiter.api.Test
    void theRandomCorpusExercisesEveryOutcome() {
        int circular = 0;
        int deferredOne = 0;
        int deferredMany = 0;
        for (int seed : seeds().toArray()) {
            Result r = plan(document(randomGraph(new Random(seed), false)));
            if (r.plan() == null) {
                circular++;
            } else if (r.plan().deferred().size() == 1) {
                deferredOne++;
            } else if (r.plan().deferred().size() > 1) {
                deferredMany++;
            }
        }
        assertThat(circular).isGreaterThan(10);
        assertThat(deferredOne).isGreaterThan(5);
        assertThat(deferredMany).isGreaterThan(5);
    }

    /** Whether the keys (minus dropped ones; only NOT NULL ones when asked) form a cycle, self references aside. */
    private static boolean hasCycle(Graph g, boolean[][] dropped, boolean notNullOnly) {
        int[] state = new int[g.n()];
        for (int s = 0; s < g.n(); s++) {
            if (state[s] == 0 && cycleFrom(g, s, state, dropped, notNullOnly)) {
                return true;
            }
        }
        return false;
    }

    private static boolean cycleFrom(Graph g, int v, int[] state, boolean[][] dropped, boolean notNullOnly) {
        state[v] = 1;
        for (int k = 0; k < g.edges().get(v).size(); k++) {
            int[] e = g.edges().get(v).get(k);
            if (e[0] == v || (dropped != null && dropped[v][k]) || (notNullOnly && e[1] == 1)) {
                continue;
            }
            if (state[e[0]] == 1 || (state[e[0]] == 0 && cycleFrom(g, e[0], state, dropped, notNullOnly))) {
                return true;
            }
        }
        state[v] = 2;
        return false;
    }

    private static String randomRelationships(int seed) {
        Random rnd = new Random(seed);
        String[] types = {"one_to_many", "many_to_one", "one_to_one", "many_to_many"};
        int n = 1 + rnd.nextInt(6);
        Doc d = new Doc();
        for (int i = 0; i < n; i++) {
            d.table("t" + i, "T" + i).pk();
            int keys = rnd.nextInt(3);
            for (int k = 0; k < keys; k++) {
                d.fk("t" + rnd.nextInt(n) + "_" + k + "_id", "t" + rnd.nextInt(n) + ".id");
            }
            int rels = rnd.nextInt(4);
            for (int k = 0; k < rels; k++) {
                int target = rnd.nextInt(n);
                List<String> extra = new ArrayList<>();
                if (rnd.nextInt(4) == 0) {
                    extra.add("\"foreign_key\": \"t" + rnd.nextInt(n) + "_" + rnd.nextInt(2) + "_id\"");
                }
                if (rnd.nextInt(5) == 0) {
                    extra.add("\"secondary\": \"s" + rnd.nextInt(2) + "\"");
                }
                String bp = rnd.nextInt(4) == 0 ? null : Arrays.asList("a", "b", "id", "t0", "items").get(rnd.nextInt(5));
                d.rel("t" + target, "T" + target, types[rnd.nextInt(types.length)], bp, extra.toArray(String[]::new));
            }
        }
        return d.json();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomRelationshipsNeverCrashAndAPlanMeansNoError(int seed) {
        String json = randomRelationships(seed);
        Result r = plan(json);
        assertThat(r.findings()).noneMatch(f -> f.message().contains("internal error"));
        boolean errors = r.findings().stream().anyMatch(Finding::isError);
        assertThat(r.plan() == null).as("plan is null exactly when there is an error: %s", r.findings()).isEqualTo(errors);
        assertThat(plan(json)).isEqualTo(r);
    }

    @org.junit.jupiter.api.Test
    void randomRelationshipsBothPlanAndFail() {
        long planned = seeds().filter(seed -> plan(randomRelationships(seed)).plan() != null).count();
        assertThat(planned).isBetween(10L, 140L);
    }
}
