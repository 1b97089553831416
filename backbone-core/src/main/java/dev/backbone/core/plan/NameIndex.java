package dev.backbone.core.plan;

/**
 * Names to small ints (a table's name to its document index), by open addressing over three
 * flat arrays.
 *
 * <p>The architect looks a table up by name for every foreign key and relationship, several
 * times over. With a {@code HashMap<String, Integer>} each lookup of a 10,000-table document
 * chased a bucket, a node and a boxed value, each a likely cache miss once the document no longer
 * fits in the cache; here the stored hash and the value sit in arrays, and the reader hands the
 * same string instance for a name and the references to it, so most lookups end on identity.
 */
final class NameIndex {

    private final String[] keys;
    private final int[] hashes;
    private final int[] values;
    private final int mask;
    private final int shift;

    NameIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new String[capacity];
        hashes = new int[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
    }

    /** Adds {@code name -> value} unless the name is there; returns the earlier value, or -1. */
    int putIfAbsent(String name, int value) {
        int h = name.hashCode();
        for (int i = slot(h);; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                keys[i] = name;
                hashes[i] = h;
                values[i] = value;
                return -1;
            }
            if (hashes[i] == h && (k == name || k.equals(name))) {
                return values[i];
            }
        }
    }

    /** The value of {@code name}, or -1. */
    int get(String name) {
        int h = name.hashCode();
        for (int i = slot(h);; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                return -1;
            }
            if (hashes[i] == h && (k == name || k.equals(name))) {
                return values[i];
            }
        }
    }

    /** Fibonacci hashing: the top bits of the product, so similar names ({@code item_1}, {@code item_2}) spread out. */
    private int slot(int h) {
        return (h * 0x9E3779B1) >>> shift;
    }
}
