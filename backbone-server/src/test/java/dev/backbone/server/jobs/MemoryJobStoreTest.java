package dev.backbone.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The in-process store (no REDIS_URL): the same state rules as the Redis one, and expiry by the clock. */
class MemoryJobStoreTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final MemoryJobStore store = new MemoryJobStore(Duration.ofSeconds(10), now::get);

    @Test
    void aFinishedJobCannotBeChangedAndExpiresAfterTheTtl() throws Exception {
        store.submit("j1", Job.queued("generate", "sub:alice", "req-1", "", now.get()), "{\"kind\":\"generate\"}");
        JobStore.Delivery d = store.next(Duration.ofMillis(10));
        assertThat(d.jobId()).isEqualTo("j1");
        assertThat(store.next(Duration.ofMillis(10))).as("delivered once").isNull();
        assertThat(store.update("j1", JobState.OPEN, Map.of("state", "running"), false)).isTrue();
        assertThat(store.update("j1", JobState.OPEN, Map.of("state", "cancelled"), true)).isTrue();
        assertThat(store.update("j1", JobState.OPEN, Map.of("state", "succeeded", "result", "{}"), true))
                .as("a late result does not revive a cancelled job").isFalse();
        assertThat(store.find("j1").orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(store.body("j1")).as("the body goes with the finish").isEmpty();

        now.addAndGet(9_999);
        assertThat(store.find("j1")).isPresent();
        now.addAndGet(1);
        assertThat(store.find("j1")).as("gone after JOBS_RESULT_TTL").isEmpty();
    }

    @Test
    void anOpenJobDoesNotExpire() {
        store.submit("j2", Job.queued("design", "anonymous", "", "", now.get()), "{}");
        now.addAndGet(Duration.ofDays(2).toMillis());
        assertThat(store.find("j2").orElseThrow().state()).isEqualTo(JobState.QUEUED);
        assertThat(store.queued()).isEqualTo(1);
    }
}
