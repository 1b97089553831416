package dev.backbone.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link StringPool} gives the reader one instance per distinct short string. What can go wrong
 * in an open-addressing table: a string equal to an earlier one not found (after growing, or
 * behind a colliding hash), or two different strings with one hash merged into one.
 */
class StringPoolTest {

    @Test
    void anEqualStringGivesTheFirstInstance() {
        StringPool pool = new StringPool();
        String first = new String("users");
        assertThat(pool.canonical(first)).isSameAs(first);
        assertThat(pool.canonical(new String("users"))).isSameAs(first);
        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    void differentStringsWithTheSameHashStayApart() {
        // "Aa" and "BB" have the same String.hashCode, as do their concatenations
        StringPool pool = new StringPool();
        String aa = new String("AaAa");
        String bb = new String("BBBB");
        String ab = new String("AaBB");
        assertThat(aa.hashCode()).isEqualTo(bb.hashCode()).isEqualTo(ab.hashCode());
        assertThat(pool.canonical(aa)).isSameAs(aa);
        assertThat(pool.canonical(bb)).isSameAs(bb);
        assertThat(pool.canonical(ab)).isSameAs(ab);
        assertThat(pool.canonical(new String("BBBB"))).isSameAs(bb);
        assertThat(pool.canonical(new String("AaAa"))).isSameAs(aa);
        assertThat(pool.size()).isEqualTo(3);
    }

    @Test
    void everyInstanceSurvivesGrowingAndMatchesAHashMap() {
        StringPool pool = new StringPool();
        Map<String, String> expected = new HashMap<>();
        Random rnd = new Random(7);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            String s = rnd.nextInt(4) == 0 && !seen.isEmpty()
                    ? new String(seen.get(rnd.nextInt(seen.size())))
                    : "item_" + rnd.nextInt(60_000);
            seen.add(s);
            String want = expected.putIfAbsent(s, s);
            assertThat(pool.canonical(s)).isSameAs(want == null ? s : want);
        }
        assertThat(pool.size()).isEqualTo(expected.size());
        for (String s : expected.values()) {
            assertThat(pool.canonical(new String(s))).isSameAs(s);
        }
        assertThat(pool.canonical("")).isEqualTo("");
    }
}
