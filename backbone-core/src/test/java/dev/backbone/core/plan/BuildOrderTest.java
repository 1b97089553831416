package dev.backbone.core.plan;

import static dev.backbone.core.plan.PlanTestSupport.codes;
import static dev.backbone.core.plan.PlanTestSupport.plan;
import static dev.backbone.core.plan.PlanTestSupport.planOk;
import static dev.backbone.core.plan.PlanTestSupport.withCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.plan.PlanTestSupport.Doc;
import dev.backbone.core.plan.PlanTestSupport.Result;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildOrderTest {

    @Test
    void chainIsBuiltFromTheReferencedEnd() {
        Plan p = planOk(new Doc()
                .table("c", "C").pk().fk("b_id", "b.id")
                .table("b", "B").pk().fk("a_id", "a.id")
                .table("a", "A").pk()
                .json());
        assertThat(p.buildOrder()).containsExactly("a", "b", "c");
        assertThat(p.table("c").dependsOn()).containsExactly("b");
        assertThat(p.deferred()).isEmpty();
    }

    @Test
    void diamondBreaksTiesByDocumentOrder() {
        Plan p = planOk(new Doc()
                .table("d", "D").pk().fk("b_id", "b.id").fk("c_id", "c.id")
                .table("c", "C").pk().fk("a_id", "a.id")
                .table("b", "B").pk().fk("a_id", "a.id")
                .table("a", "A").pk()
                .json());
        assertThat(p.buildOrder()).containsExactly("a", "c", "b", "d");
        assertThat(p.table("d").dependsOn()).containsExactly("b", "c");
    }

    @Test
    void documentAlreadyInOrderIsKeptAsWritten() {
        Plan p = planOk(new Doc()
                .table("a", "A").pk()
                .table("z", "Z").pk()
                .table("b", "B").pk().fk("a_id", "a.id")
                .table("y", "Y").pk()
                .json());
        assertThat(p.buildOrder()).containsExactly("a", "z", "b", "y");
    }

    @Test
    void disconnectedTablesKeepDocumentOrder() {
        Plan p = planOk(new Doc().table("x", "X").pk().table("y", "Y").pk().table("z", "Z").pk().json());
        assertThat(p.buildOrder()).containsExactly("x", "y", "z");
        assertThat(p.tables()).allSatisfy(t -> assertThat(t.dependsOn()).isEmpty());
    }

    @Test
    void selfReferenceIsNeitherADependencyNorACycle() {
        Result r = plan(new Doc()
                .table("categories", "Category").pk().fkNotNull("parent_id", "categories.id")
                .json());
        assertThat(codes(r)).doesNotContain("CIRCULAR_DEPENDENCY", "DEFERRED_FOREIGN_KEY");
        Plan p = r.plan();
        assertThat(p.buildOrder()).containsExactly("categories");
        assertThat(p.table("categories").dependsOn()).isEmpty();
        assertThat(p.table("categories").column("parent_id").foreignKey().deferred()).isFalse();
        assertThat(p.deferred()).isEmpty();
    }

    @Test
    void nullableCycleDefersTheKeyAndWarnsNamingIt() {
        String json = new Doc()
                .table("orders", "Order").pk().fk("invoice_id", "invoices.id")
                .table("invoices", "Invoice").pk().fkNotNull("order_id", "orders.id")
                .json();
        Result r = plan(json);
        List<Finding> warnings = withCode(r, "DEFERRED_FOREIGN_KEY");
        assertThat(warnings).hasSize(1);
        Finding w = warnings.get(0);
        assertThat(w.severity()).isEqualTo(Severity.WARNING);
        assertThat(w.message()).isEqualTo("orders.invoice_id -> invoices.id is added after the tables (ALTER TABLE)"
                + " to break the cycle orders -> invoices -> orders");
        assertThat(w.path()).isEqualTo("/schema/0/columns/1/target");
        assertThat(w.line()).isEqualTo(lineOf(json, "\"target\": \"invoices.id\""));
        Plan p = r.plan();
        assertThat(p).isNotNull();
        assertThat(p.buildOrder()).containsExactly("orders", "invoices");
        assertThat(p.deferred()).containsExactly(new DeferredForeignKey("orders", "invoice_id", "invoices", "id", null,
                "fk_orders_invoice_id_invoices"));
        assertThat(p.table("orders").column("invoice_id").foreignKey().deferred()).isTrue();
        assertThat(p.table("invoices").column("order_id").foreignKey().deferred()).isFalse();
        assertThat(p.table("orders").dependsOn()).isEmpty();
        assertThat(p.table("invoices").dependsOn()).containsExactly("orders");
    }

    @Test
    void whenBothKeysAreNullableTheFirstDeclaredTableKeyIsDeferred() {
        Plan p = planOk(new Doc()
                .table("invoices", "Invoice").pk().fk("order_id", "orders.id")
                .table("orders", "Order").pk().fk("invoice_id", "invoices.id")
                .json());
        assertThat(p.deferred()).extracting(DeferredForeignKey::table, DeferredForeignKey::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("invoices", "order_id"));
        assertThat(p.buildOrder()).containsExactly("invoices", "orders");
    }

    @Test
    void notNullCycleIsCircularDependencyNamingTheCycle() {
        Result r = plan(new Doc()
                .table("a", "A").pk().fkNotNull("b_id", "b.id")
                .table("b", "B").pk().fkNotNull("a_id", "a.id")
                .json());
        assertThat(r.plan()).isNull();
        List<Finding> errors = withCode(r, "CIRCULAR_DEPENDENCY");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(errors.get(0).message()).contains("a -> b -> a").contains("a.b_id -> b.id", "b.a_id -> a.id");
        assertThat(errors.get(0).path()).isEqualTo("/schema/0/table_name");
        assertThat(codes(r)).doesNotContain("DEFERRED_FOREIGN_KEY");
    }

    @Test
    void circularDependencyStartsAtTheFirstDeclaredTableOfTheCycle() {
        Result r = plan(new Doc()
                .table("free", "Free").pk()
                .table("c", "C").pk().fkNotNull("a_id", "a.id")
                .table("b", "B").pk().fkNotNull("c_id", "c.id")
                .table("a", "A").pk().fkNotNull("b_id", "b.id")
                .json());
        assertThat(r.plan()).isNull();
        Finding f = withCode(r, "CIRCULAR_DEPENDENCY").get(0);
        assertThat(f.message()).contains("c -> a -> b -> c");
        assertThat(f.path()).isEqualTo("/schema/1/table_name");
    }

    @Test
    void threeCycleWithOneNullableKeyDefersExactlyThatKey() {
        Result r = plan(new Doc()
                .table("a", "A").pk().fkNotNull("b_id", "b.id")
                .table("b", "B").pk().fk("c_id", "c.id")
                .table("c", "C").pk().fkNotNull("a_id", "a.id")
                .json());
        Plan p = r.plan();
        assertThat(p).isNotNull();
        assertThat(p.deferred()).extracting(DeferredForeignKey::column).containsExactly("c_id");
        assertThat(p.buildOrder()).containsExactly("b", "a", "c");
        assertThat(withCode(r, "DEFERRED_FOREIGN_KEY")).singleElement().extracting(Finding::message)
                .isEqualTo("b.c_id -> c.id is added after the tables (ALTER TABLE) to break the cycle b -> c -> a -> b");
    }

    @Test
    void threeNotNullCycleIsReported() {
        Result r = plan(new Doc()
                .table("a", "A").pk().fkNotNull("b_id", "b.id")
                .table("b", "B").pk().fkNotNull("c_id", "c.id")
                .table("c", "C").pk().fkNotNull("a_id", "a.id")
                .json());
        assertThat(r.plan()).isNull();
        assertThat(withCode(r, "CIRCULAR_DEPENDENCY")).singleElement().extracting(Finding::message).asString()
                .contains("a -> b -> c -> a");
    }

    @Test
    void oneKeyIsEnoughForACycleThatNeedsOnlyOne() {
        // a -> c -> b -> d -> a: ordering alone would set aside a.c_id and b.d_id; one suffices
        Plan p = planOk(new Doc()
                .table("a", "A").pk().fk("c_id", "c.id")
                .table("b", "B").pk().fk("d_id", "d.id")
                .table("c", "C").pk().fk("b_id", "b.id")
                .table("d", "D").pk().fk("a_id", "a.id")
                .json());
        assertThat(p.deferred()).extracting(DeferredForeignKey::column).containsExactly("c_id");
        assertPrecedes(p);
    }

    @Test
    void separateCyclesEachDeferOneKey() {
        String json = new Doc()
                .table("a", "A").pk().fk("b_id", "b.id")
                .table("b", "B").pk().fk("a_id", "a.id")
                .table("c", "C").pk().fk("d_id", "d.id")
                .table("d", "D").pk().fk("c_id", "c.id")
                .json();
        Plan p = planOk(json);
        assertThat(p.deferred()).extracting(DeferredForeignKey::table).containsExactly("a", "c");
        assertThat(plan(json).findings()).filteredOn(f -> f.code().equals("DEFERRED_FOREIGN_KEY")).hasSize(2);
        assertPrecedes(p);
    }

    @Test
    void notNullCycleInsideANullableOneIsStillAnError() {
        Result r = plan(new Doc()
                .table("a", "A").pk().fkNotNull("b_id", "b.id").fk("c_id", "c.id")
                .table("b", "B").pk().fkNotNull("a_id", "a.id")
                .table("c", "C").pk().fk("a_id", "a.id")
                .json());
        assertThat(r.plan()).isNull();
        assertThat(codes(r)).containsExactlyInAnyOrder("CIRCULAR_DEPENDENCY", "BUILD_ORDER_INCOMPLETE");
        assertThat(r.findings()).filteredOn(f -> f.code().equals("BUILD_ORDER_INCOMPLETE")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("could not be placed in the build order: a, b, c"));
    }

    @Test
    void sameDocumentSamePlan() {
        String json = new Doc()
                .table("d", "D").pk().fk("b_id", "b.id").fk("c_id", "c.id")
                .table("c", "C").pk().fk("a_id", "a.id").fk("d_id", "d.id")
                .table("b", "B").pk().fk("a_id", "a.id")
                .table("a", "A").pk().fk("d_id", "d.id")
                .json();
        Plan first = planOk(json);
        for (int i = 0; i < 5; i++) {
            Plan again = planOk(json);
            assertThat(again).isEqualTo(first);
            assertThat(String.join(",", again.buildOrder())).isEqualTo(String.join(",", first.buildOrder()));
        }
    }

    @Test
    void tenThousandTableChainAndCycleDoNotOverflowTheStack() {
        int n = 10_000;
        Doc chain = new Doc();
        for (int i = n - 1; i >= 0; i--) {
            chain.table("t" + i, "T" + i).pk();
            if (i > 0) {
                chain.fkNotNull("prev_id", "t" + (i - 1) + ".id");
            }
        }
        Plan p = planOk(chain.json());
        assertThat(p.buildOrder()).hasSize(n).startsWith("t0", "t1", "t2").endsWith("t" + (n - 1));

        Doc ring = new Doc();
        for (int i = 0; i < n; i++) {
            ring.table("r" + i, "R" + i).pk();
            String next = "r" + ((i + 1) % n) + ".id";
            if (i == n / 2) {
                ring.fk("next_id", next);
            } else {
                ring.fkNotNull("next_id", next);
            }
        }
        Plan q = planOk(ring.json());
        assertThat(q.deferred()).extracting(DeferredForeignKey::table).containsExactly("r" + n / 2);
        assertPrecedes(q);
    }

    /** Every non-deferred foreign key's target is built before its table. */
    static void assertPrecedes(Plan p) {
        List<String> order = p.buildOrder();
        for (PlannedTable t : p.tables()) {
            for (PlannedColumn c : t.columns()) {
                if (c.isForeignKey() && !c.foreignKey().deferred() && !c.foreignKey().table().equals(t.tableName())) {
                    assertThat(order.indexOf(c.foreignKey().table()))
                            .as("%s.%s -> %s", t.tableName(), c.name(), c.foreignKey().table())
                            .isLessThan(order.indexOf(t.tableName()));
                }
            }
        }
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return (int) text.substring(0, at).chars().filter(ch -> ch == '\n').count() + 1;
    }
}
