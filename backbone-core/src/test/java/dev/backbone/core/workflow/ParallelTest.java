package dev.backbone.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.Target;
import dev.backbone.core.generate.Targets;
import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.validate.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pieces' results come back in their order whoever ran them, errors with them, and a helper really runs beside the caller. */
class ParallelTest {

    @Test
    void resultsAreInThePiecesOrderWhateverTheOrderTheyRanIn() {
        List<Supplier<Integer>> pieces = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            pieces.add(() -> {
                sleep(40 - n);
                return n * n;
            });
        }
        List<Integer> order = IntStream.range(0, 40).map(i -> 39 - i).boxed().toList();
        List<Parallel.Done<Integer>> done = Parallel.run(pieces, order, 1);
        assertThat(done).extracting(Parallel.Done::get).containsExactlyElementsOf(IntStream.range(0, 40).map(i -> i * i).boxed().toList());
        assertThat(done).allSatisfy(d -> assertThat(d.nanos()).isPositive());
    }

    @Test
    void aHelperRunsBesideTheCaller() {
        CountDownLatch both = new CountDownLatch(2);
        Supplier<Boolean> meet = () -> {
            both.countDown();
            try {
                return both.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(Parallel.run(List.of(meet, meet), List.of(0, 1), 1)).extracting(Parallel.Done::get).containsExactly(true, true);
    }

    @Test
    void withoutHelpersTheCallerRunsEveryPiece() {
        Thread caller = Thread.currentThread();
        List<Supplier<Thread>> pieces = List.of(Thread::currentThread, Thread::currentThread, Thread::currentThread);
        assertThat(Parallel.run(pieces, List.of(2, 0, 1), 0)).extracting(Parallel.Done::get).containsOnly(caller);
    }

    @Test
    void aPieceThatFailsGivesItsErrorAndTheOthersTheirResults() {
        List<Supplier<String>> pieces = List.of(() -> "a", () -> {
            throw new IllegalArgumentException("broken piece");
        }, () -> "c");
        List<Parallel.Done<String>> done = Parallel.run(pieces, List.of(0, 1, 2), 1);
        assertThat(done.get(0).get()).isEqualTo("a");
        assertThat(done.get(2).get()).isEqualTo("c");
        assertThatThrownBy(() -> done.get(1).get()).isInstanceOf(IllegalArgumentException.class).hasMessage("broken piece");
    }

    @Test
    void everyTargetsPiecesRunInAnyOrderOnTwoThreadsMakeItsRender() {
        StringBuilder b = new StringBuilder("{\"project_name\": \"Chunks\", \"db_type\": \"postgresql\", \"schema\": [");
        for (int i = 0; i < 60; i++) {
            b.append(i == 0 ? "" : ",").append("{\"table_name\": \"t").append(i).append("\", \"class_name\": \"T").append(i)
                    .append("\", \"columns\": [{\"name\": \"id\", \"type\": \"Integer\", \"primary_key\": true},")
                    .append("{\"name\": \"label\", \"type\": \"String\", \"length\": 40, \"unique\": true}")
                    .append(i == 0 ? "" : ",{\"name\": \"up_id\", \"type\": \"ForeignKey\", \"target\": \"t" + (i - 1) + ".id\"}")
                    .append("]}");
        }
        Plan plan = new Workflow().validate(b.append("]}").toString(), Limits.DEFAULTS, WorkflowListener.NONE).plan();
        TemplateRenderer templates = TemplateRenderer.packaged();
        for (Target t : Targets.all()) {
            List<Supplier<List<GeneratedFile>>> pieces = t.pieces(plan, templates);
            List<Integer> backwards = IntStream.range(0, pieces.size()).map(i -> pieces.size() - 1 - i).boxed().toList();
            List<GeneratedFile> files = Parallel.run(pieces, backwards, 1).stream().flatMap(d -> d.get().stream()).toList();
            assertThat(files).as(t.name()).isEqualTo(t.render(plan, templates));
            if (t.name().equals("fastapi") || t.name().equals("sqlalchemy")) {
                assertThat(pieces.size()).as(t.name()).isGreaterThan(3);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
