package dev.backbone.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * {@link ArrayMap} replaced the {@code LinkedHashMap}s of the reader and the schema model: it must
 * keep insertion order (findings are reported in document order), behave as a {@link Map} for
 * equality and lookup, and stay immutable since the model shares it.
 */
class ArrayMapTest {

    private static ArrayMap<Integer> abc() {
        return new ArrayMap.Builder<Integer>(0).put("c", 3).put("a", 1).put("b", 2).build();
    }

    @Test
    void keepsInsertionOrder() {
        ArrayMap<Integer> m = abc();
        assertThat(m.keySet()).containsExactly("c", "a", "b");
        assertThat(m.values()).containsExactly(3, 1, 2);
        assertThat(m).hasToString("{c=3, a=1, b=2}");
    }

    @Test
    void looksUpLikeAMap() {
        ArrayMap<Integer> m = abc();
        assertThat(m.size()).isEqualTo(3);
        assertThat(m.get("a")).isEqualTo(1);
        assertThat(m.get(new String("b"))).isEqualTo(2);
        assertThat(m.get("z")).isNull();
        assertThat(m.get(null)).isNull();
        assertThat(m.get(42)).isNull();
        assertThat(m.containsKey("c")).isTrue();
        assertThat(m.containsKey("z")).isFalse();
        assertThat(m.containsKey(null)).isFalse();
    }

    @Test
    void aNullValueIsStillAnEntry() {
        ArrayMap<String> m = new ArrayMap.Builder<String>(1).put("k", null).build();
        assertThat(m.containsKey("k")).isTrue();
        assertThat(m.get("k")).isNull();
        assertThat(m).containsEntry("k", null).hasSize(1);
    }

    @Test
    void equalsAndHashCodeFollowTheMapContract() {
        Map<String, Integer> plain = new HashMap<>(Map.of("a", 1, "b", 2, "c", 3));
        assertThat(abc()).isEqualTo(plain).hasSameHashCodeAs(plain);
        assertThat(plain).isEqualTo(abc());
        assertThat(abc()).isNotEqualTo(Map.of("a", 1, "b", 2, "c", 4)).isNotEqualTo(Map.of("a", 1, "b", 2));
    }

    @Test
    void isImmutable() {
        ArrayMap<Integer> m = abc();
        assertThatThrownBy(() -> m.put("d", 4)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(m::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.entrySet().iterator().next().setValue(9))
                .isInstanceOf(UnsupportedOperationException.class);
        Iterator<Map.Entry<String, Integer>> it = m.entrySet().iterator();
        it.next();
        assertThatThrownBy(it::remove).isInstanceOf(UnsupportedOperationException.class);
        assertThat(m).isEqualTo(Map.of("a", 1, "b", 2, "c", 3));
    }

    @Test
    void iteratorEndsWithNoSuchElement() {
        Iterator<Map.Entry<String, Integer>> it = abc().entrySet().iterator();
        it.next();
        it.next();
        it.next();
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void builderGrowsPastItsExpectedSize() {
        ArrayMap.Builder<Integer> b = new ArrayMap.Builder<>(2);
        for (int i = 0; i < 1000; i++) {
            b.put("k" + i, i);
        }
        assertThat(b.size()).isEqualTo(1000);
        assertThat(b.key(0)).isEqualTo("k0");
        assertThat(b.key(999)).isEqualTo("k999");
        ArrayMap<Integer> m = b.build();
        assertThat(m).hasSize(1000);
        assertThat(m.get("k0")).isZero();
        assertThat(m.get("k777")).isEqualTo(777);
        assertThat(m.keySet()).startsWith("k0", "k1", "k2").endsWith("k998", "k999");
    }

    @Test
    void aBuiltMapIsNotChangedByLaterPuts() {
        ArrayMap.Builder<Integer> b = new ArrayMap.Builder<Integer>(4).put("a", 1);
        ArrayMap<Integer> first = b.build();
        b.put("b", 2);
        assertThat(first).containsExactly(Map.entry("a", 1));
        assertThat(b.build()).containsExactly(Map.entry("a", 1), Map.entry("b", 2));
    }

    @Test
    void emptyIsSharedAndEmpty() {
        assertThat(ArrayMap.<String>of()).isEmpty();
        assertThat(ArrayMap.<String>of()).isSameAs(ArrayMap.<Integer>of());
        assertThat(new ArrayMap.Builder<String>(8).build()).isSameAs(ArrayMap.of());
        assertThat(ArrayMap.<String>of().get("a")).isNull();
        assertThat(ArrayMap.of()).isEqualTo(Map.of());
    }

    @Test
    void copyOfKeepsAnArrayMapAndCopiesAnythingElseInItsOrder() {
        ArrayMap<Integer> m = abc();
        assertThat(ArrayMap.copyOf(m)).isSameAs(m);
        LinkedHashMap<String, Integer> source = new LinkedHashMap<>();
        source.put("z", 26);
        source.put("m", 13);
        source.put("a", 1);
        ArrayMap<Integer> copy = ArrayMap.copyOf(source);
        source.put("b", 2);
        source.put("z", 0);
        assertThat(copy.keySet()).containsExactly("z", "m", "a");
        assertThat(copy.get("z")).isEqualTo(26);
        assertThat(ArrayMap.copyOf(Map.of())).isEmpty();
    }
}
