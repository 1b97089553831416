package dev.backbone.core.schema;

import java.util.Collection;

/** "Did you mean" hints: the closest known name within a small edit distance. */
public final class Suggestions {
    private Suggestions() {}

    /** The known name nearest to {@code word}, or {@code null} when none is close (distance > 2). */
    public static String closest(String word, Collection<String> known) {
        String best = null;
        int bestD = 3;
        for (String k : known.stream().sorted().toList()) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), k);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
