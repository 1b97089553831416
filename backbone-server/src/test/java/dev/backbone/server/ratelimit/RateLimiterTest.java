package dev.backbone.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final List<String> rejected = new ArrayList<>();

    private RateLimiter limiter(int pub, int auth, int genMinute, int genHour, int validation) {
        return new RateLimiter(new Settings.RateLimits(pub, auth, genMinute, genHour, validation), rejected::add, now::get);
    }

    @Test
    void theHeadersDescribeTheMostConstrainedLimit() {
        RateLimiter l = limiter(20, 100, 10, 50, 3);
        RateLimiter.Verdict v = l.admit("sub:a", true, RouteLimit.VALIDATION);
        assertThat(v.admitted()).isTrue();
        assertThat(v.describe().limit()).isEqualTo("validation");
        assertThat(v.describe().max()).isEqualTo(3);
        assertThat(v.describe().remaining()).isEqualTo(2);
        RateLimiter.Verdict status = l.admit("sub:a", true, RouteLimit.NONE);
        assertThat(status.describe().limit()).isEqualTo("authenticated");
        assertThat(status.describe().remaining()).isEqualTo(98);
    }

    @Test
    void onATieTheLimitThatResetsLastIsDescribed() {
        RateLimiter l = limiter(20, 100, 5, 5, 50);
        RateLimiter.Verdict v = l.admit("ip:1", false, RouteLimit.GENERATION);
        assertThat(v.describe().remaining()).isEqualTo(4);
        assertThat(v.describe().limiter().windowMillis()).isEqualTo(3_600_000);
    }

    @Test
    void generationIsLimitedPerMinuteAndPerHour() {
        RateLimiter l = limiter(1000, 1000, 2, 3, 50);
        assertThat(l.admit("sub:g", true, RouteLimit.GENERATION).admitted()).isTrue();
        assertThat(l.admit("sub:g", true, RouteLimit.GENERATION).admitted()).isTrue();
        RateLimiter.Verdict minute = l.admit("sub:g", true, RouteLimit.GENERATION);
        assertThat(minute.admitted()).isFalse();
        assertThat(minute.describe().limiter().windowMillis()).isEqualTo(60_000);
        assertThat(minute.describe().secondsToReset()).isEqualTo(60);
        now.addAndGet(60_000);
        assertThat(l.admit("sub:g", true, RouteLimit.GENERATION).admitted()).isTrue();
        RateLimiter.Verdict hour = l.admit("sub:g", true, RouteLimit.GENERATION);
        assertThat(hour.admitted()).isFalse();
        assertThat(hour.describe().limiter().windowMillis()).isEqualTo(3_600_000);
        assertThat(hour.describe().secondsToReset()).isEqualTo(3_540);
        assertThat(rejected).containsExactly("generation", "generation");
    }

    @Test
    void aRefusedRequestGivesBackWhatTheOtherLimitsAdmitted() {
        RateLimiter l = limiter(5, 100, 1, 50, 50);
        assertThat(l.admit("ip:9", false, RouteLimit.GENERATION).admitted()).isTrue();
        for (int i = 0; i < 3; i++) {
            RateLimiter.Verdict v = l.admit("ip:9", false, RouteLimit.GENERATION);
            assertThat(v.admitted()).isFalse();
            assertThat(v.describe().limit()).isEqualTo("generation");
        }
        // Refused generations did not eat the public allowance: 4 of 5 are left.
        RateLimiter.Verdict status = l.admit("ip:9", false, RouteLimit.NONE);
        assertThat(status.describe().limit()).isEqualTo("public");
        assertThat(status.describe().remaining()).isEqualTo(3);
        assertThat(rejected).containsExactly("generation", "generation", "generation");
    }

    @Test
    void publicAndAuthenticatedClientsAreCountedApart() {
        RateLimiter l = limiter(1, 2, 10, 50, 50);
        assertThat(l.admit("ip:1", false, RouteLimit.NONE).admitted()).isTrue();
        RateLimiter.Verdict v = l.admit("ip:1", false, RouteLimit.NONE);
        assertThat(v.admitted()).isFalse();
        assertThat(v.describe().limit()).isEqualTo("public");
        assertThat(l.admit("sub:x", true, RouteLimit.NONE).admitted()).isTrue();
        assertThat(l.admit("sub:x", true, RouteLimit.NONE).admitted()).isTrue();
        assertThat(l.admit("sub:x", true, RouteLimit.NONE).describe().limit()).isEqualTo("authenticated");
        assertThat(rejected).containsExactly("public", "authenticated");
    }
}
