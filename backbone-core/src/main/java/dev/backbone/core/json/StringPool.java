package dev.backbone.core.json;

/**
 * Shares the short strings a document repeats ({@code "id"}, {@code "Integer"},
 * {@code "CASCADE"}, a table's name in the keys that point at it): a direct-mapped cache of 4,096
 * strings, like a processor's cache. Each string has one slot, chosen by its hash; an equal
 * string there is returned, anything else takes the slot over.
 *
 * <p>Why not a set of every string: most strings of a large schema are seen once (a table's
 * name, a description), and a table holding all of them outgrows the processor's cache on a
 * document of 10,000 tables, so each new string cost a cache miss before it was known to be new.
 * This one stays 32 KB whatever the document, allocates nothing per string, and still shares what
 * is repeated often, because a string seen in every table wins its slot back at once. What it
 * loses (a reference far from its declaration may be a second instance of the name) only costs an
 * {@code equals} instead of an identity check later.
 */
final class StringPool {

    static final int SLOTS = 4096;

    private final String[] strings = new String[SLOTS];
    private final int[] hashes = new int[SLOTS];

    /** The instance equal to {@code s} in its slot, or {@code s}, which then takes the slot. */
    String canonical(String s) {
        int h = s.hashCode();
        int i = slot(h);
        String known = strings[i];
        if (known != null && hashes[i] == h && known.equals(s)) {
            return known;
        }
        strings[i] = s;
        hashes[i] = h;
        return s;
    }

    /**
     * The same for the string in {@code buf[off, off + len)}, made into a {@code String} only when
     * its slot does not hold it: a string the document repeats costs no allocation at all.
     */
    String canonical(char[] buf, int off, int len) {
        int h = 0;
        for (int k = off; k < off + len; k++) {
            h = 31 * h + buf[k]; // String.hashCode's own formula, so a slot's stored hash compares
        }
        int i = slot(h);
        String known = strings[i];
        if (known != null && hashes[i] == h && equal(known, buf, off, len)) {
            return known;
        }
        String s = new String(buf, off, len);
        strings[i] = s;
        hashes[i] = h;
        return s;
    }

    private static boolean equal(String known, char[] buf, int off, int len) {
        if (known.length() != len) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (known.charAt(k) != buf[off + k]) {
                return false;
            }
        }
        return true;
    }

    /** Mixes the high bits in: names that differ in their last characters ({@code item_1}, {@code item_2}) spread out. */
    static int slot(int h) {
        int x = h * 0x9E3779B1;
        return (x ^ (x >>> 15)) & (SLOTS - 1);
    }
}
