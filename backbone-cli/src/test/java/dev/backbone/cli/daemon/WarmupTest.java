package dev.backbone.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WarmupTest {

    @Test
    void runsItsRoundsOnlyWhileNoCommandRunsThenSaysWarm() throws Exception {
        AtomicLong quietFor = new AtomicLong(0); // a command is running
        Warmup w = new Warmup(2, 3, quietFor::get);
        Thread t = new Thread(w);
        t.start();
        Thread.sleep(3 * Warmup.QUIET_MS);
        assertThat(w.state()).isEqualTo("warming up 0/2");

        quietFor.set(Warmup.QUIET_MS); // the daemon has been idle long enough
        t.join(60_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(w.state()).isEqualTo("warm");
    }

    @Test
    void aDaemonStartedWithTheDefaultsWarmsUpSmallEnoughToBeQuick() {
        assertThat(Warmup.ROUNDS).isBetween(1, 100);
        assertThat(Warmup.TABLES).isBetween(1, 200);
    }
}
