package dev.backbone.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link NameIndex} finds a table by name for every foreign key and relationship. It is an
 * open-addressing table over packed hash/value slots, so the cases to get right are colliding
 * hashes, equal-but-distinct strings, value 0 (stored as 1 so that 0 can mean empty), and scale.
 */
class NameIndexTest {

    @Test
    void anEmptyIndexKnowsNothing() {
        NameIndex index = new NameIndex(0);
        assertThat(index.get("users")).isEqualTo(-1);
        assertThat(index.get("")).isEqualTo(-1);
    }

    @Test
    void theFirstValueWins() {
        NameIndex index = new NameIndex(4);
        assertThat(index.putIfAbsent("users", 3)).isEqualTo(-1);
        assertThat(index.putIfAbsent("users", 7)).isEqualTo(3);
        assertThat(index.get("users")).isEqualTo(3);
    }

    @Test
    void zeroIsAValueLikeAnyOther() {
        NameIndex index = new NameIndex(2);
        assertThat(index.putIfAbsent("first", 0)).isEqualTo(-1);
        assertThat(index.get("first")).isZero();
        assertThat(index.putIfAbsent("first", 5)).isZero();
        // the empty string hashes to 0 as well
        assertThat(index.putIfAbsent("", 0)).isEqualTo(-1);
        assertThat(index.get("")).isZero();
        assertThat(index.get("first")).isZero();
    }

    @Test
    void equalButDistinctStringsFindTheSameEntry() {
        NameIndex index = new NameIndex(4);
        String declared = new String("order_items");
        index.putIfAbsent(declared, 11);
        String reference = new StringBuilder("order_").append("items").toString();
        assertThat(reference).isNotSameAs(declared);
        assertThat(index.get(reference)).isEqualTo(11);
        assertThat(index.putIfAbsent(reference, 12)).isEqualTo(11);
    }

    @Test
    void collidingHashCodesAreKeptApart() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        assertThat("AaAa".hashCode()).isEqualTo("BBBB".hashCode()).isEqualTo("AaBB".hashCode()).isEqualTo("BBAa".hashCode());
        NameIndex index = new NameIndex(8);
        assertThat(index.putIfAbsent("Aa", 1)).isEqualTo(-1);
        assertThat(index.putIfAbsent("BB", 2)).isEqualTo(-1);
        assertThat(index.putIfAbsent("AaAa", 3)).isEqualTo(-1);
        assertThat(index.putIfAbsent("BBBB", 4)).isEqualTo(-1);
        assertThat(index.get("Aa")).isEqualTo(1);
        assertThat(index.get("BB")).isEqualTo(2);
        assertThat(index.get("AaAa")).isEqualTo(3);
        assertThat(index.get("BBBB")).isEqualTo(4);
        assertThat(index.get("AaBB")).isEqualTo(-1);
        assertThat(index.get("BBAa")).isEqualTo(-1);
        assertThat(index.putIfAbsent("BB", 9)).isEqualTo(2);
    }

    @Test
    void negativeAndExtremeHashCodesWork() {
        // "polygenelubricants".hashCode() is Integer.MIN_VALUE
        assertThat("polygenelubricants".hashCode()).isEqualTo(Integer.MIN_VALUE);
        NameIndex index = new NameIndex(3);
        index.putIfAbsent("polygenelubricants", 1);
        index.putIfAbsent("zzzzzzzzzzzzzzzz", 2);
        index.putIfAbsent("max", Integer.MAX_VALUE);
        assertThat(index.get("polygenelubricants")).isEqualTo(1);
        assertThat(index.get("zzzzzzzzzzzzzzzz")).isEqualTo(2);
        assertThat(index.get("max")).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aHundredThousandSimilarNames() {
        int n = 100_000;
        NameIndex index = new NameIndex(n);
        for (int i = 1; i <= n; i++) {
            assertThat(index.putIfAbsent("item_" + i, i - 1)).isEqualTo(-1);
        }
        for (int i = 1; i <= n; i++) {
            if (index.get("item_" + i) != i - 1) {
                assertThat(index.get("item_" + i)).as("item_%d", i).isEqualTo(i - 1);
            }
        }
        assertThat(index.get("item_0")).isEqualTo(-1);
        assertThat(index.get("item_" + (n + 1))).isEqualTo(-1);
        assertThat(index.get("Item_1")).isEqualTo(-1);
        assertThat(index.putIfAbsent(new String("item_50000"), 0)).isEqualTo(49_999);
    }

    /** Against a {@link HashMap} on random small alphabets: many repeats and collisions, any size up to the expected one. */
    @Test
    void behavesLikeAMapOnRandomNames() {
        Random random = new Random(20240607);
        for (int trial = 0; trial < 500; trial++) {
            int expected = random.nextInt(40);
            NameIndex index = new NameIndex(expected);
            Map<String, Integer> model = new HashMap<>();
            int puts = 0;
            while (model.size() < expected && puts++ < expected * 3) {
                String name = randomName(random);
                int value = random.nextInt(50);
                Integer before = model.putIfAbsent(name, value);
                assertThat(index.putIfAbsent(name, value)).isEqualTo(before == null ? -1 : before);
            }
            for (int probe = 0; probe < 60; probe++) {
                String name = randomName(random);
                assertThat(index.get(name)).isEqualTo(model.getOrDefault(name, -1));
            }
            model.forEach((name, value) -> assertThat(index.get(name)).isEqualTo(value));
        }
    }

    /** Sized for a handful, given thousands: it grows instead of filling up (a full table would never end a probe). */
    @Test
    void growsPastTheExpectedSize() {
        NameIndex index = new NameIndex(2);
        for (int i = 0; i < 5_000; i++) {
            assertThat(index.putIfAbsent("t" + i, i)).isEqualTo(-1);
        }
        for (int i = 0; i < 5_000; i++) {
            assertThat(index.get("t" + i)).isEqualTo(i);
        }
        assertThat(index.putIfAbsent("t42", 7)).isEqualTo(42);
        assertThat(index.get("absent")).isEqualTo(-1);
    }

    @Test
    void refusesNegativeValues() {
        assertThatThrownBy(() -> new NameIndex(1).putIfAbsent("x", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String randomName(Random random) {
        String[] parts = {"Aa", "BB", "a", "b", "_"};
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(4); i >= 0; i--) {
            b.append(parts[random.nextInt(parts.length)]);
        }
        return b.toString();
    }

    @Test
    void asASetItAddsEachNameOnce() {
        NameIndex set = new NameIndex(1);
        assertThat(set.contains("Post")).isFalse();
        assertThat(set.add("Post")).isTrue();
        assertThat(set.add(new String("Post"))).isFalse();
        assertThat(set.contains(new String("Post"))).isTrue();
        // far past the expected size: it grows and keeps every member
        for (int i = 0; i < 5_000; i++) {
            assertThat(set.add("Item" + i)).isTrue();
        }
        for (int i = 0; i < 5_000; i++) {
            assertThat(set.contains("Item" + i)).isTrue();
            assertThat(set.add("Item" + i)).isFalse();
        }
        assertThat(set.contains("Item5000")).isFalse();
    }
}
