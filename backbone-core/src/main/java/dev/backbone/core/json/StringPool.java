package dev.backbone.core.json;

/**
 * One instance per distinct string, for the short strings of one parse (see
 * {@code TreeBuilder#canonical}): open addressing over a flat array of strings and one of their
 * hashes.
 *
 * <p>Why not a {@code HashMap<String, String>}: most strings of a large schema are seen once (a
 * table's name, a key's target), and for each of those the map visited a bucket's node, stored
 * somewhere in a heap far larger than the cache, before deciding the string was new; it then made
 * a node of its own. Here a new string is usually told apart by the stored hashes alone, and
 * nothing is allocated per string.
 */
final class StringPool {

    private String[] strings = new String[256];
    private int[] hashes = new int[256];
    private int size;

    /** The instance equal to {@code s} seen before, or {@code s}, which is kept from now on. */
    String canonical(String s) {
        if (2 * (size + 1) > strings.length) {
            grow();
        }
        int h = s.hashCode();
        int mask = strings.length - 1;
        for (int i = spread(h) & mask;; i = (i + 1) & mask) {
            String known = strings[i];
            if (known == null) {
                strings[i] = s;
                hashes[i] = h;
                size++;
                return s;
            }
            if (hashes[i] == h && known.equals(s)) {
                return known;
            }
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        String[] oldStrings = strings;
        int[] oldHashes = hashes;
        strings = new String[oldStrings.length * 2];
        hashes = new int[oldStrings.length * 2];
        int mask = strings.length - 1;
        for (int j = 0; j < oldStrings.length; j++) {
            if (oldStrings[j] != null) {
                int i = spread(oldHashes[j]) & mask;
                while (strings[i] != null) {
                    i = (i + 1) & mask;
                }
                strings[i] = oldStrings[j];
                hashes[i] = oldHashes[j];
            }
        }
    }

    /** Mixes the high bits in: names that differ in their last characters ({@code item_1}, {@code item_2}) spread out. */
    private static int spread(int h) {
        int x = h * 0x9E3779B1;
        return x ^ (x >>> 15);
    }
}
