package dev.backbone.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FixedWindowLimiterTest {

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);

    @Test
    void admitsMaxPerWindowThenRefusesUntilTheWindowEnds() {
        FixedWindowLimiter l = new FixedWindowLimiter("validation", 3, 60_000, 100, now::get);
        assertThat(l.acquire("a").remaining()).isEqualTo(2);
        now.addAndGet(10_000);
        assertThat(l.acquire("a").remaining()).isEqualTo(1);
        Decision third = l.acquire("a");
        assertThat(third.admitted()).isTrue();
        assertThat(third.remaining()).isZero();
        Decision refused = l.acquire("a");
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.remaining()).isZero();
        // The window opened with the first request, 10 s ago: 50 s left.
        assertThat(refused.secondsToReset()).isEqualTo(50);
        assertThat(refused.resetEpochSeconds()).isEqualTo((1_700_000_000_000L + 60_000) / 1000);
        assertThat(l.acquire("b").admitted()).as("another client has its own window").isTrue();
        now.addAndGet(50_000);
        Decision fresh = l.acquire("a");
        assertThat(fresh.admitted()).isTrue();
        assertThat(fresh.remaining()).isEqualTo(2);
    }

    @Test
    void aRefusedRequestTakesNothingAndReleaseGivesBack() {
        FixedWindowLimiter l = new FixedWindowLimiter("public", 2, 60_000, 100, now::get);
        Decision first = l.acquire("a");
        l.acquire("a");
        assertThat(l.acquire("a").admitted()).isFalse();
        assertThat(l.acquire("a").admitted()).isFalse();
        l.release(first);
        assertThat(l.acquire("a").admitted()).isTrue();
        assertThat(l.acquire("a").admitted()).isFalse();
    }

    @Test
    void releaseAfterTheWindowTurnedOverTouchesNothing() {
        FixedWindowLimiter l = new FixedWindowLimiter("public", 1, 1_000, 100, now::get);
        Decision old = l.acquire("a");
        now.addAndGet(1_000);
        assertThat(l.acquire("a").admitted()).isTrue();
        l.release(old);
        assertThat(l.acquire("a").admitted()).as("the new window keeps its count").isFalse();
    }

    @Test
    void memoryStaysBoundedEndedWindowsAreSweptAndAFloodSharesOneWindow() {
        FixedWindowLimiter l = new FixedWindowLimiter("public", 2, 60_000, 10, now::get);
        for (int i = 0; i < 10; i++) {
            l.acquire("ip:" + i);
        }
        assertThat(l.size()).isEqualTo(10);
        // Full: new clients share the overflow window, which admits max between them.
        Decision a = l.acquire("ip:new-1");
        assertThat(a.key()).isEqualTo(FixedWindowLimiter.OVERFLOW);
        assertThat(l.acquire("ip:new-2").admitted()).isTrue();
        assertThat(l.acquire("ip:new-3").admitted()).isFalse();
        assertThat(l.size()).isEqualTo(11);
        assertThat(l.acquire("ip:3").key()).as("known clients keep their own window").isEqualTo("ip:3");
        // Once the windows have ended they are swept, and clients get their own windows again.
        now.addAndGet(60_000);
        Decision b = l.acquire("ip:new-3");
        assertThat(b.key()).isEqualTo("ip:new-3");
        assertThat(l.size()).isEqualTo(1);
    }

    @Test
    void idleClientsAreForgottenAsTimePasses() {
        FixedWindowLimiter l = new FixedWindowLimiter("public", 5, 60_000, 1_000, now::get);
        for (int i = 0; i < 500; i++) {
            l.acquire("ip:" + i);
        }
        now.addAndGet(61_000);
        l.acquire("ip:x");
        assertThat(l.size()).isEqualTo(1);
    }
}
