package dev.backbone.core.validate.rules;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name shapes of the format, and the corrected spelling a message can suggest. Table and
 * column names become SQL identifiers and Python attribute names; class names become Python
 * classes; all three must be ASCII so every dialect and every file system accepts them.
 */
final class Names {

    private Names() {}

    static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9_]*");
    static final Pattern CLASS = Pattern.compile("[A-Z][A-Za-z0-9_]*");

    /** PostgreSQL truncates identifiers past 63 bytes, MySQL rejects them past 64. */
    static final int MAX_IDENTIFIER = 63;

    /** {@link #SNAKE} without a regex engine: this runs for every name of every document. */
    static boolean isSnake(String s) {
        if (s == null || s.isEmpty() || !isLower(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isLower(c) || isDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** {@link #CLASS} without a regex engine. */
    static boolean isClassName(String s) {
        if (s == null || s.isEmpty() || !isUpper(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isLower(c) || isUpper(c) || isDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A snake-case spelling of {@code s} to suggest ({@code OrderItems} to {@code order_items}). */
    static String toSnake(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128 && Character.isUpperCase(c)) {
                if (b.length() > 0 && b.charAt(b.length() - 1) != '_' && i > 0 && !Character.isUpperCase(s.charAt(i - 1))) {
                    b.append('_');
                }
                b.append(Character.toLowerCase(c));
            } else if (c < 128 && (Character.isLetterOrDigit(c))) {
                b.append(c);
            } else if (b.length() > 0 && b.charAt(b.length() - 1) != '_') {
                b.append('_');
            }
        }
        String r = b.toString().replaceAll("^_+|_+$", "");
        if (r.isEmpty()) {
            return "name";
        }
        return Character.isDigit(r.charAt(0)) ? "t_" + r : r.toLowerCase(Locale.ROOT);
    }

    /** A class-name spelling of {@code s} to suggest ({@code order_item} to {@code OrderItem}). */
    static String toClass(String s) {
        String snake = toSnake(s);
        StringBuilder b = new StringBuilder();
        for (String part : snake.split("_")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        String r = b.toString();
        return r.isEmpty() || !Character.isLetter(r.charAt(0)) ? "Model" + r : r;
    }

    /** A number for a message: never expanded ({@code 1e999999999} stays short), shortened past 40 characters. */
    static String show(java.math.BigDecimal d) {
        String s = d.toString();
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    /** A value for a message: quoted, shortened, with control characters made visible. */
    static String show(String s) {
        if (s == null) {
            return "null";
        }
        int cut = s.length() > 60 && Character.isHighSurrogate(s.charAt(56)) ? 56 : 57;
        String v = s.length() > 60 ? s.substring(0, cut) + "..." : s;
        StringBuilder b = new StringBuilder("`");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('`').toString();
    }
}
