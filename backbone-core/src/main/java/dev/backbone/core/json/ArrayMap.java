package dev.backbone.core.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A small immutable map with string keys, kept in two arrays in insertion order.
 *
 * <p>The reader makes one per JSON object, and the schema model keeps one per element for as
 * long as it lives (findings point back into the text). Two {@code LinkedHashMap}s per object
 * were the largest share of what reading allocated; schema objects have a handful of fields, so
 * a linear scan is as fast as hashing and costs two arrays.
 *
 * @param <V> the values
 */
public final class ArrayMap<V> extends AbstractMap<String, V> {

    private static final ArrayMap<?> EMPTY = new ArrayMap<>(new String[0], new Object[0]);

    private final String[] keys;
    private final Object[] values;

    private ArrayMap(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** A map over these arrays, not copied: the caller hands them over and never writes them again. */
    static <V> ArrayMap<V> wrap(String[] keys, Object[] values) {
        return new ArrayMap<>(keys, values);
    }

    @SuppressWarnings("unchecked")
    public static <V> ArrayMap<V> of() {
        return (ArrayMap<V>) EMPTY;
    }

    /** This map when it is one already, otherwise a copy in the source's iteration order. */
    public static <V> ArrayMap<V> copyOf(Map<String, ? extends V> source) {
        if (source instanceof ArrayMap<?> m) {
            @SuppressWarnings("unchecked")
            ArrayMap<V> same = (ArrayMap<V>) m;
            return same;
        }
        Builder<V> b = new Builder<>(source.size());
        source.forEach(b::put);
        return b.build();
    }

    @Override
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : value(i);
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key || keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private V value(int i) {
        return (V) values[i];
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, V> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], value(i));
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    /**
     * Collects entries. Keys must be distinct, and every caller has that for free (the parser
     * refuses duplicate fields; the schema model's extra keys such as {@code values/3} cannot be
     * field names), so adding is constant time even for an enum of thousands of labels.
     *
     * @param <V> the values
     */
    public static final class Builder<V> {
        private String[] keys;
        private Object[] values;
        private int size;

        public Builder(int expected) {
            keys = new String[Math.max(expected, 4)];
            values = new Object[keys.length];
        }

        public Builder<V> put(String key, V value) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size++] = value;
            return this;
        }

        public int size() {
            return size;
        }

        /** The key added {@code i}-th. */
        public String key(int i) {
            return keys[i];
        }

        public ArrayMap<V> build() {
            return size == 0 ? of() : new ArrayMap<>(Arrays.copyOf(keys, size), Arrays.copyOf(values, size));
        }
    }
}
