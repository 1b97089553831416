package dev.backbone.core.generate.sqlalchemy;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;

/**
 * Escapes user text for the three places it lands in generated Python, as Pebble filters
 * ({@code py_str}, {@code py_doc}, {@code py_comment}) and as static methods for the Java code
 * that lays out statements.
 *
 * <p>Each escape keeps the text visible and makes it data: the runtime value of a literal equals
 * the input exactly, nothing can close the literal early, and the result is already in the form
 * black leaves alone (black strips docstring edges, picks quotes by escape count and strips
 * comment ends, so those are escaped or chosen the way black would). Characters that are
 * invisible or move text around in an editor (controls, bidirectional overrides, zero-width
 * and line separators) are written as escapes, so a reviewer sees them.
 */
public final class PythonEscapes extends AbstractExtension {

    /** The one instance the target registers with the renderer. */
    public static final PythonEscapes INSTANCE = new PythonEscapes();

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of(
                "py_str", new TextFilter(PythonEscapes::stringLiteral),
                "py_doc", new TextFilter(PythonEscapes::docstring),
                "py_comment", new TextFilter(PythonEscapes::comment));
    }

    /**
     * A complete Python string literal, quotes included, whose value is {@code text}. Double
     * quotes unless the text holds more double than single quotes (black's rule, so black keeps
     * the literal as written).
     */
    public static String stringLiteral(String text) {
        int doubles = 0;
        int singles = 0;
        boolean plain = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            doubles += c == '"' ? 1 : 0;
            singles += c == '\'' ? 1 : 0;
            plain &= c >= 0x20 && c < 0x7f && c != '\\' && c != '"';
        }
        if (plain) {
            return '"' + text + '"';
        }
        char quote = doubles > singles ? '\'' : '"';
        StringBuilder b = new StringBuilder(text.length() + 2).append(quote);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote) {
                b.append('\\').append(quote);
            } else if (cp == '\\') {
                b.append("\\\\");
            } else {
                appendVisible(b, cp);
            }
        }
        return b.append(quote).toString();
    }

    /**
     * The inside of a {@code """..."""} docstring whose value is {@code text}, on one physical
     * line (newlines become {@code \n}: a real newline would be indented by black and change the
     * value). A quote is escaped where it could end the docstring or touch its delimiters (a last
     * quote as {@code \x22}: black pads a docstring ending in a quote character, escaped or not);
     * leading and trailing spaces are escaped because black strips them. A lone surrogate (which
     * JSON can spell) becomes U+FFFD: Python keeps a class docstring as UTF-8 and would fail the
     * import.
     */
    public static String docstring(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            boolean edge = i == 0 || i == cps.length - 1;
            if (Character.getType(cp) == Character.SURROGATE) {
                // a class docstring is stored as UTF-8: a lone surrogate would fail the import
                b.append("\\ufffd");
            } else if (cp == '\\') {
                b.append("\\\\");
            } else if (cp == '"' && i == cps.length - 1) {
                // black pads a docstring whose last character is a quote (escaped or not) with a space
                b.append("\\x22");
            } else if (cp == '"' && (edge || cps[i + 1] == '"')) {
                b.append("\\\"");
            } else if (cp == ' ' && (edge || onlySpacesToEdge(cps, i))) {
                b.append("\\x20");
            } else {
                appendVisible(b, cp);
            }
        }
        return b.toString();
    }

    /**
     * Text for the rest of a {@code #} comment line: one line (line breaks shown as {@code \n}),
     * trailing spaces kept visible (black would strip them).
     */
    public static String comment(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            if (cps[i] == ' ' && allSpacesAfter(cps, i)) {
                b.append("\\x20");
            } else {
                appendVisible(b, cps[i]);
            }
        }
        return b.toString();
    }

    /** Whether every code point from {@code i} to the start, or from {@code i} to the end, is a space. */
    private static boolean onlySpacesToEdge(int[] cps, int i) {
        return allSpacesAfter(cps, i) || allSpacesBefore(cps, i);
    }

    private static boolean allSpacesAfter(int[] cps, int i) {
        for (int j = i; j < cps.length; j++) {
            if (cps[j] != ' ') {
                return false;
            }
        }
        return true;
    }

    private static boolean allSpacesBefore(int[] cps, int i) {
        for (int j = i; j >= 0; j--) {
            if (cps[j] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Appends a code point as itself when it is safe and visible, else as a Python escape. */
    private static void appendVisible(StringBuilder b, int cp) {
        switch (cp) {
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            default -> {
                if (needsEscape(cp)) {
                    if (cp <= 0xff) {
                        b.append(String.format("\\x%02x", cp));
                    } else if (cp <= 0xffff) {
                        b.append(String.format("\\u%04x", cp));
                    } else {
                        b.append(String.format("\\U%08x", cp));
                    }
                } else {
                    b.appendCodePoint(cp);
                }
            }
        }
    }

    /**
     * Controls, format characters (bidirectional overrides, zero-width joiners, BOM), line and
     * paragraph separators, surrogates, private use, unassigned code points and every space other
     * than U+0020: invisible or misleading in source, or stripped/split by tools.
     */
    static boolean needsEscape(int cp) {
        if (cp >= 0x20 && cp < 0x7f) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED, Character.SPACE_SEPARATOR -> true;
            default -> false;
        };
    }

    /** A filter applying one escape to its input's string form (null stays empty). */
    private record TextFilter(java.util.function.UnaryOperator<String> escape) implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                int lineNumber) {
            return escape.apply(input == null ? "" : input.toString());
        }
    }
}
