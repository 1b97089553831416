package dev.backbone.core.json;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * The parser's own limits (nesting depth, the length of a number, a key or a string) turned into
 * a finding a user can act on: our words, and the place of the value that broke the limit.
 * Jackson reports them without a location and names its own configuration methods; the parser
 * still knows where it is, which is the end of the offending token (or, for depth, its bracket),
 * so the start is found by looking back in the text.
 *
 * <p>Shared by the engine's reader and the service's reader of request bodies, so both say the
 * same thing at the same place.
 */
public final class ReadLimits {

    private static final Pattern COUNTS = Pattern.compile("\\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

    private ReadLimits() {}

    /** The finding's message and 1-based position for {@code e}, raised while {@code p} read {@code text}. */
    public static JsonSyntaxException describe(StreamConstraintsException e, JsonParser p, String text) {
        return describe(e, p, text, 0);
    }

    /**
     * As {@link #describe(StreamConstraintsException, JsonParser, String)}, for a reader whose
     * document sits {@code enclosingLevels} deep in the text it parses (the service's request
     * body wraps the schema in one object), so the depth named is the schema's own.
     */
    public static JsonSyntaxException describe(StreamConstraintsException e, JsonParser p, String text, int enclosingLevels) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher c = COUNTS.matcher(m);
        String actual = c.find() ? c.group(1) : null;
        String max = actual == null ? null : c.group(2);
        TokenStreamLocation at = p.currentLocation();
        int line = Math.max(1, at.getLineNr());
        int column = Math.max(1, at.getColumnNr());
        long offset = at.getCharOffset();
        if (m.startsWith("Document nesting depth")) {
            String levels = max == null ? "too many" : Integer.toString(Integer.parseInt(max) - enclosingLevels);
            // the parser stands just past the bracket that went one level too deep
            return new JsonSyntaxException("arrays and objects nest more than " + levels + " levels deep here; a schema needs 5 at most",
                    line, Math.max(1, column - 1));
        }
        if (m.startsWith("Number value length")) {
            int start = back(text, offset, ch -> ch >= '0' && ch <= '9' || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E');
            return new JsonSyntaxException("a number of " + actual + " characters; at most " + max + " are accepted",
                    line, column - (int) (offset - start));
        }
        if (m.startsWith("Name length") || m.startsWith("String value length")) {
            String what = m.startsWith("Name") ? "a key" : "a string";
            int start = openingQuote(text, offset);
            int[] lc = lineColumnBack(text, start, offset, line, column);
            return new JsonSyntaxException(what + " of " + actual + " characters; at most " + max + " are accepted", lc[0], lc[1]);
        }
        return new JsonSyntaxException("the document is larger or more complex than the reader accepts"
                + (max == null ? "" : " (" + actual + " where at most " + max + " are allowed)"), line, column);
    }

    /** The offset where the run of characters matching {@code in} that ends just before {@code end} starts. */
    private static int back(String text, long end, java.util.function.IntPredicate in) {
        int i = (int) Math.min(end, text.length());
        while (i > 0 && in.test(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** The opening quote of the string that ends at or before {@code end} (its closing quote skipped). */
    private static int openingQuote(String text, long end) {
        int i = (int) Math.min(end, text.length()) - 1;
        while (i >= 0 && text.charAt(i) != '"') {
            i--;
        }
        for (i--; i >= 0; i--) {
            if (text.charAt(i) == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                return i;
            }
        }
        return 0;
    }

    /** Line and column of {@code target}, counted back from the known position of {@code from}. */
    private static int[] lineColumnBack(String text, int target, long from, int line, int column) {
        int end = (int) Math.min(from, text.length());
        int newlines = 0;
        for (int i = target; i < end; i++) {
            if (text.charAt(i) == '\n') {
                newlines++;
            }
        }
        if (newlines == 0) {
            return new int[] {line, column - (end - target)};
        }
        int lineStart = text.lastIndexOf('\n', target) + 1;
        return new int[] {line - newlines, target - lineStart + 1};
    }
}
