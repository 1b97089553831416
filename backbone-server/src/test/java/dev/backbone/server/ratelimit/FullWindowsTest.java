package dev.backbone.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The windows a replica remembers as full: exactly the full ones, for exactly their client and limit, until they end. */
class FullWindowsTest {

    private final FixedWindowLimiter validation = new FixedWindowLimiter("validation", 3, 60_000, 10, () -> 0L);
    private final FixedWindowLimiter general = new FixedWindowLimiter("public", 20, 60_000, 10, () -> 0L);
    private final FullWindows full = new FullWindows();

    private Decision d(FixedWindowLimiter l, String client, boolean admitted, int remaining, long resetAt) {
        return new Decision(l, client, admitted, remaining, resetAt - l.windowMillis(), resetAt, 1_000);
    }

    @Test
    void aFullWindowIsRefusedUntilItsEndAndOnlyThere() {
        full.remember(List.of(d(general, "ip:a", true, 7, 50_000), d(validation, "ip:a", false, 0, 40_000)), 1_000);
        List<Decision> r = full.refusals(List.of(general, validation), "ip:a", 39_999);
        assertThat(r).hasSize(1);
        assertThat(r.get(0).limiter()).isSameAs(validation);
        assertThat(r.get(0).admitted()).isFalse();
        assertThat(r.get(0).remaining()).isZero();
        assertThat(r.get(0).resetAt()).isEqualTo(40_000);
        assertThat(full.refusals(List.of(general), "ip:a", 2_000)).as("the general limit has room").isEmpty();
        assertThat(full.refusals(List.of(general, validation), "ip:b", 2_000)).as("another client").isEmpty();
        assertThat(full.refusals(List.of(general, validation), "ip:a", 40_000)).as("the window has ended").isEmpty();
        assertThat(full.size()).as("and is forgotten").isZero();
    }

    @Test
    void aRequestThatTookTheLastOneLeavesItsWindowFull() {
        full.remember(List.of(d(general, "ip:c", true, 19, 50_000), d(validation, "ip:c", true, 0, 45_000)), 1_000);
        assertThat(full.refusals(List.of(general, validation), "ip:c", 2_000)).singleElement()
                .satisfies(x -> assertThat(x.limiter()).isSameAs(validation));
    }

    @Test
    void theMemoryIsBounded() {
        for (int i = 0; i < RateLimiter.MAX_CLIENTS + 50; i++) {
            full.remember(List.of(d(validation, "ip:" + i, false, 0, 40_000)), 1_000);
        }
        assertThat(full.size()).isEqualTo(RateLimiter.MAX_CLIENTS);
        full.remember(List.of(d(validation, "ip:late", false, 0, 100_000)), 40_000);
        assertThat(full.size()).as("ended windows swept to make room").isEqualTo(1);
    }
}
