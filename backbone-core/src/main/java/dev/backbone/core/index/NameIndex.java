package dev.backbone.core.index;

/**
 * Names to non-negative ints (a table's name to its document index), by open addressing over three
 * flat arrays.
 *
 * <p>The validator and the architect look a table up by name for every foreign key and
 * relationship. With a {@code HashMap<String, Integer>} each lookup of a 10,000-table document
 * would chase a bucket, a node and a boxed value, each a likely cache miss once the document no longer
 * fits in the cache; here the stored hash and the value share one {@code long}, and the reader
 * hands the same string instance for a name and the references to it, so most lookups end on
 * identity after two array reads.
 *
 * <p>Also a set of names ({@link #add}, {@link #contains}) for the same reason: asking whether a
 * fresh name is taken usually ends at an empty slot or a different stored hash, without reading any
 * string, where a {@code HashSet} would visit a node in a far corner of the heap.
 */
public final class NameIndex {

    private String[] keys;
    /** Per slot: the key's hash (high half) and its value plus one (low half); zero when empty. */
    private long[] slots;
    private int mask;
    private int shift;
    private int size;

    /** An index sized for {@code expected} names (it grows past that, at the cost of a rehash). */
    public NameIndex(int expected) {
        allocate(Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1);
    }

    private void allocate(int capacity) {
        keys = new String[capacity];
        slots = new long[capacity];
        mask = capacity - 1;
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
    }

    /** Adds {@code name -> value} ({@code value >= 0}) unless the name is there; returns the earlier value, or -1. */
    public int putIfAbsent(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("values are non-negative: " + value);
        }
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        int h = name.hashCode();
        for (int i = slot(h);; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                keys[i] = name;
                slots[i] = ((long) h << 32) | (value + 1L);
                size++;
                return -1;
            }
            if ((int) (slot >>> 32) == h && (keys[i] == name || keys[i].equals(name))) {
                return (int) slot - 1;
            }
        }
    }

    /** The value of {@code name}, or -1. */
    public int get(String name) {
        int h = name.hashCode();
        for (int i = slot(h);; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                return -1;
            }
            if ((int) (slot >>> 32) == h && (keys[i] == name || keys[i].equals(name))) {
                return (int) slot - 1;
            }
        }
    }

    /** As a set: adds {@code name}; true when it was not there yet (like {@link java.util.Set#add}). */
    public boolean add(String name) {
        return putIfAbsent(name, 0) < 0;
    }

    /** As a set: whether {@code name} is there. */
    public boolean contains(String name) {
        return get(name) >= 0;
    }

    /** Doubles the table: at most half full, so probes stay short and always end at an empty slot. */
    private void grow() {
        String[] oldKeys = keys;
        long[] oldSlots = slots;
        allocate(oldSlots.length * 2);
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] != 0) {
                int i = slot((int) (oldSlots[j] >>> 32));
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                slots[i] = oldSlots[j];
            }
        }
    }

    /** Fibonacci hashing: the top bits of the product, so similar names ({@code item_1}, {@code item_2}) spread out. */
    private int slot(int h) {
        return (h * 0x9E3779B1) >>> shift;
    }
}
