package dev.backbone.core.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The fuzzer's mutations of a schema document's text: a third damage characters (delete,
 * insert, repeat, swap, truncate), the rest replace values so the text stays JSON more often
 * than not (hostile strings, strings of another document, extreme literals, deep nesting, an
 * object spliced from another document, a byte-order mark). Deterministic for a given
 * {@link Random}, so a seed replays a run.
 */
final class SchemaMutations {

    /** Values that have broken parsers and generators elsewhere: quotes, escapes, keywords, sizes, unicode. */
    private static final List<String> HOSTILE = List.of("", " ", "\"", "\\\"", "\\u0000", "\\n", "'''", "\\\"\\\"\\\"", "\\\\",
            "); DROP TABLE users; --", "</script>", "${x}", "{{ x }}", "{% raw %}", "__init__", "class", "def", "None", "import",
            "select", "order", "user", "id", "Integer", "String", "ForeignKey", "Enum", "DateTime", "many_to_many", "one_to_one",
            "CASCADE", "users.id", "posts.id", "x.y.z", ".", "a".repeat(70), "b".repeat(1001), "\u00e9t\u00e9", "\u65e5\u672c",
            "\ud83d\ude00", "\u202e", "\ufeff", "Ω", "0", "-1", "1e309", "NaN");
    private static final List<String> LITERALS = List.of("true", "false", "null", "0", "-0", "1", "-1", "2147483648",
            "9223372036854775808", "1e400", "-1.5e-400", "0.1", "[]", "{}", "[null]", "{\"\": 1}", "\"\"", "1" + "0".repeat(1200));
    private static final String ALPHABET = "{}[]:,\"\\ \n\t0123456789.-+eEtrufalsn\u0000\u0001\u007f\u00e9\ufeff\ud800";

    private static final int[] CHARACTER_OPS = {0, 1, 2, 3, 9, 11};
    private static final int[] VALUE_OPS = {4, 5, 6, 7, 8, 10};

    private SchemaMutations() {}

    /** One to three mutations of {@code seed}; {@code seeds} supply strings and objects to splice in. */
    static String mutate(String seed, List<String> seeds, Random r) {
        String s = seed;
        int n = r.nextBoolean() ? 1 : 2 + r.nextInt(2);
        for (int k = 0; k < n; k++) {
            s = once(s, seeds, r);
        }
        return s;
    }

    private static String once(String s, List<String> seeds, Random r) {
        int len = s.length();
        if (len == 0) {
            return ALPHABET.substring(r.nextInt(ALPHABET.length()));
        }
        int at = len == 0 ? 0 : r.nextInt(len);
        int span = Math.min(len - at, 1 + r.nextInt(Math.max(1, Math.min(40, len))));
        // a third of the mutations damage characters; the rest keep the text JSON more often than not
        int op = r.nextInt(3) == 0 ? CHARACTER_OPS[r.nextInt(CHARACTER_OPS.length)] : VALUE_OPS[r.nextInt(VALUE_OPS.length)];
        switch (op) {
            case 0:
                return s.substring(0, at) + s.substring(at + span);
            case 1:
                return s.substring(0, at) + ALPHABET.charAt(r.nextInt(ALPHABET.length())) + s.substring(at);
            case 2:
                return s.substring(0, at + span) + s.substring(at, at + span) + s.substring(at + span);
            case 3:
                return s.substring(0, r.nextInt(len + 1));
            case 4:
                return replaceString(s, HOSTILE.get(r.nextInt(HOSTILE.size())), r);
            case 5:
                return replaceValue(s, LITERALS.get(r.nextInt(LITERALS.size())), r);
            case 6:
                return replaceString(s, randomStringOf(seeds.get(r.nextInt(seeds.size())), r), r);
            case 7: {
                int depth = 1 + r.nextInt(r.nextBoolean() ? 10 : 120);
                return replaceValue(s, "[".repeat(depth) + "]".repeat(depth), r);
            }
            case 8:
                return "\ufeff" + s;
            case 9: {
                int other = len == 0 ? 0 : r.nextInt(len);
                int a = Math.min(at, other);
                int b = Math.max(at, other);
                int w = Math.min(span, b - a);
                return s.substring(0, a) + s.substring(b, Math.min(len, b + w)) + s.substring(a + w, b) + s.substring(a, a + w)
                        + s.substring(Math.min(len, b + w));
            }
            case 10:
                return replaceValue(s, spliceObject(seeds.get(r.nextInt(seeds.size())), r), r);
            default:
                return s.substring(0, at) + s.charAt(at == len ? 0 : at) + s.substring(at);
        }
    }

    /** Replaces the contents of a random string literal. */
    private static String replaceString(String s, String with, Random r) {
        List<int[]> spans = strings(s);
        if (spans.isEmpty()) {
            return s;
        }
        int[] p = spans.get(r.nextInt(spans.size()));
        return s.substring(0, p[0] + 1) + with + s.substring(p[1]);
    }

    /** Replaces the value after a random {@code :} (up to the next {@code ,} or closing bracket at the same depth). */
    private static String replaceValue(String s, String with, Random r) {
        List<Integer> colons = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ':') {
                colons.add(i);
            }
        }
        if (colons.isEmpty()) {
            return s;
        }
        int from = colons.get(r.nextInt(colons.size())) + 1;
        int depth = 0;
        boolean inString = false;
        int i = from;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        return s.substring(0, from) + " " + with + s.substring(i);
    }

    private static String randomStringOf(String doc, Random r) {
        List<int[]> spans = strings(doc);
        if (spans.isEmpty()) {
            return "x";
        }
        int[] p = spans.get(r.nextInt(spans.size()));
        return doc.substring(p[0] + 1, p[1]);
    }

    /** A balanced object from another document (a table, a column, a relationship), for crossover. */
    private static String spliceObject(String doc, Random r) {
        List<Integer> opens = new ArrayList<>();
        for (int i = 0; i < doc.length(); i++) {
            if (doc.charAt(i) == '{') {
                opens.add(i);
            }
        }
        if (opens.isEmpty()) {
            return "{}";
        }
        int from = opens.get(r.nextInt(opens.size()));
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < doc.length(); i++) {
            char c = doc.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return doc.substring(from, i + 1);
            }
        }
        return "{}";
    }

    /** Start (opening quote) and end (closing quote) of each string literal. */
    private static List<int[]> strings(String s) {
        List<int[]> out = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (open >= 0 && c == '\\') {
                i++;
            } else if (c == '"') {
                if (open < 0) {
                    open = i;
                } else {
                    out.add(new int[] {open, i});
                    open = -1;
                }
            }
        }
        return out;
    }
}
