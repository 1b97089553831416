package dev.backbone.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link StringPool} shares the strings a document repeats. It is a direct-mapped cache, so what
 * must hold: an equal string in the slot is returned (never a different string, even with the
 * same hash), a new string takes its slot over, and it stays useful for the vocabulary every
 * table repeats however many unique strings come between.
 */
class StringPoolTest {

    @Test
    void anEqualStringGivesTheFirstInstance() {
        StringPool pool = new StringPool();
        String first = new String("users");
        assertThat(pool.canonical(first)).isSameAs(first);
        assertThat(pool.canonical(new String("users"))).isSameAs(first);
    }

    @Test
    void aDifferentStringWithTheSameHashIsNeverReturned() {
        // "AaAa" and "BBBB" have the same String.hashCode, so they share a slot
        StringPool pool = new StringPool();
        String aa = new String("AaAa");
        String bb = new String("BBBB");
        assertThat(aa.hashCode()).isEqualTo(bb.hashCode());
        assertThat(pool.canonical(aa)).isSameAs(aa);
        assertThat(pool.canonical(bb)).isSameAs(bb);
        // bb took the slot over: an equal string now gets bb, and aa's equal is a new instance
        assertThat(pool.canonical(new String("BBBB"))).isSameAs(bb);
        String aa2 = new String("AaAa");
        assertThat(pool.canonical(aa2)).isSameAs(aa2).isEqualTo(aa);
    }

    @Test
    void whatEveryTableRepeatsStaysSharedAmongManyUniqueStrings() {
        StringPool pool = new StringPool();
        List<String> vocabulary = List.of("id", "Integer", "String", "name", "CASCADE", "one_to_many");
        List<String> last = new ArrayList<>();
        for (String v : vocabulary) {
            last.add(pool.canonical(new String(v)));
        }
        int shared = 0;
        int asked = 0;
        for (int table = 0; table < 10_000; table++) {
            pool.canonical("item_" + table);
            pool.canonical("Item" + table);
            for (int v = 0; v < vocabulary.size(); v++) {
                String got = pool.canonical(new String(vocabulary.get(v)));
                assertThat(got).isEqualTo(vocabulary.get(v));
                shared += got == last.get(v) ? 1 : 0;
                last.set(v, got);
                asked++;
            }
        }
        // a unique name evicts a word now and then; the word wins its slot back at its next use
        assertThat(shared).isGreaterThan(asked * 95 / 100);
    }

    @Test
    void slotsSpreadNamesThatDifferOnlyAtTheEnd() {
        boolean[] used = new boolean[StringPool.SLOTS];
        int distinct = 0;
        for (int i = 0; i < 1000; i++) {
            int s = StringPool.slot(("item_" + i).hashCode());
            assertThat(s).isBetween(0, StringPool.SLOTS - 1);
            distinct += used[s] ? 0 : 1;
            used[s] = true;
        }
        // 1,000 names in 4,096 slots: a random spread leaves about 890 distinct
        assertThat(distinct).isGreaterThan(850);
    }

    @Test
    void charactersFindTheInstanceTheirStringWouldAndMakeOneOnlyWhenNeeded() {
        StringPool pool = new StringPool();
        char[] buf = "xx users posts AaAa BBBB".toCharArray();
        String users = pool.canonical(buf, 3, 5);
        assertThat(users).isEqualTo("users");
        assertThat(pool.canonical(new String("users"))).isSameAs(users);
        assertThat(pool.canonical(buf, 3, 5)).isSameAs(users);
        String posts = pool.canonical(new String("posts"));
        assertThat(pool.canonical(buf, 9, 5)).isSameAs(posts);
        // same hash, different characters: a new instance, never the other string
        String aa = pool.canonical(buf, 15, 4);
        assertThat(pool.canonical(buf, 20, 4)).isEqualTo("BBBB").isNotSameAs(aa);
        // a prefix of a stored string is a different string
        assertThat(pool.canonical(buf, 3, 4)).isEqualTo("user");
        assertThat(pool.canonical(buf, 0, 0)).isEmpty();
    }
}
