package dev.backbone.core.generate.sqlalchemy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Breaks the statements the SQLAlchemy target writes into lines exactly as black (default line
 * length 88) would, so the output needs no formatter: a statement that fits stays on one line;
 * otherwise it is split at its last bracket, call arguments go on one indented line when they
 * fit and one per line with a trailing comma when they do not; displays (lists, tuples, dicts)
 * of several items go one per line. Only the shapes the target produces are covered; the
 * Python-toolchain tests run black on every generated file to keep this honest.
 *
 * <p>Widths: as black 24 and later count them (the toolchain pins black 26): East Asian wide
 * characters twice, combining marks as zero ({@link #width}).
 */
public final class BlackLayout {

    public static final int LINE_LENGTH = 88;

    private BlackLayout() {}

    enum Fit {
        YES,
        NO,
        /** Fits by one way of counting width and not by the other. */
        MAYBE
    }

    static Fit fit(int indent, String text) {
        return indent + width(text) <= LINE_LENGTH ? Fit.YES : Fit.NO;
    }

    /** Black 24+'s measure of a line: characters, East Asian wide ones twice, combining marks not at all. */
    static int width(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                continue;
            }
            w += wide(cp) ? 2 : 1;
        }
        return w;
    }

    /** Unicode East Asian Width W or F: the main ranges of EastAsianWidth.txt (CJK, Hangul, kana, fullwidth, emoji). */
    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE10 && cp <= 0xFE19) || (cp >= 0xFE30 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F680 && cp <= 0x1F6FF)
                || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x1FA70 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    /** Whether {@code text} fits at {@code indent} by black's measure. */
    static boolean lenFits(int indent, String text) {
        return indent + width(text) <= LINE_LENGTH;
    }

    public static String pad(int indent) {
        return " ".repeat(indent);
    }

    /** {@code prefix} followed by {@code value}, e.g. {@code x = sa.Table(...)}: split inside the value. */
    public static List<String> statement(int indent, String prefix, PyExpr value) {
        return lines(value, indent, prefix, "");
    }

    /**
     * An annotated assignment {@code target: Mapped[inner] = value}. When even the line up to the
     * value's bracket is too long, black splits the annotation's subscript first.
     */
    static List<String> annotated(int indent, String target, String inner, PyExpr value) {
        String lhs = target + ": Mapped[" + inner + "] = ";
        if (fit(indent, lhs + value.flat()) == Fit.YES) {
            return List.of(pad(indent) + lhs + value.flat());
        }
        String upToBracket = lhs + (value instanceof PyExpr.Bracketed b ? b.head() + b.open() : value.flat());
        if (fit(indent, upToBracket) == Fit.YES) {
            return lines(value, indent, lhs, "");
        }
        if (fit(indent, lhs + "(") == Fit.YES) {
            // black 24+: the right-hand side in parentheses rather than a split annotation
            List<String> out = new ArrayList<>();
            out.add(pad(indent) + lhs + "(");
            out.addAll(lines(value, indent + 4, "", ""));
            out.add(pad(indent) + ")");
            return out;
        }
        List<String> out = new ArrayList<>();
        out.add(pad(indent) + target + ": Mapped[");
        out.add(pad(indent + 4) + inner);
        String rest = "] = " + value.flat();
        if (fit(indent, rest) == Fit.YES) {
            out.add(pad(indent) + rest);
        } else {
            out.addAll(lines(value, indent, "] = ", ""));
        }
        return out;
    }

    /**
     * {@code target = literal} with an unsplittable value: black wraps the value in parentheses
     * when that makes it fit, and leaves the line long otherwise.
     */
    public static List<String> assignAtom(int indent, String target, String literal) {
        String line = target + " = " + literal;
        if (lenFits(indent, line) || !lenFits(indent + 4, literal)) {
            return List.of(pad(indent) + line);
        }
        return List.of(pad(indent) + target + " = (", pad(indent + 4) + literal, pad(indent) + ")");
    }

    /** {@code from module import a, b}: split one name per line, with a trailing comma, when too long. */
    public static List<String> importFrom(String module, List<String> names) {
        return importFrom(0, module, names);
    }

    public static List<String> importFrom(int indent, String module, List<String> names) {
        String line = "from " + module + " import " + String.join(", ", names);
        if (fit(indent, line) == Fit.YES) {
            return List.of(pad(indent) + line);
        }
        List<String> out = new ArrayList<>();
        out.add(pad(indent) + "from " + module + " import (");
        names.forEach(n -> out.add(pad(indent + 4) + n + ","));
        out.add(pad(indent) + ")");
        return out;
    }

    /** Joins lines into a block of text, each line ending with a newline. */
    public static String text(List<String> lines) {
        return lines.stream().map(l -> l + "\n").collect(Collectors.joining());
    }

    private static List<String> lines(PyExpr e, int indent, String prefix, String suffix) {
        String flat = prefix + e.flat() + suffix;
        Fit f = fit(indent, flat);
        if (f == Fit.YES || e instanceof PyExpr.Atom) {
            return List.of(pad(indent) + flat);
        }
        if (e instanceof PyExpr.Prefixed p) {
            return lines(p.value(), indent, prefix + p.prefix(), suffix);
        }
        PyExpr.Bracketed b = (PyExpr.Bracketed) e;
        boolean oneTuple = !b.trailer() && b.open().equals("(") && b.items().size() == 1;
        if (f == Fit.MAYBE && oneTuple && lenFits(indent, flat)) {
            return List.of(pad(indent) + flat);
        }
        List<String> out = new ArrayList<>();
        out.add(pad(indent) + prefix + b.head() + b.open());
        int inner = indent + 4;
        boolean magic = f == Fit.MAYBE && !oneTuple;
        String joined = b.items().stream().map(PyExpr::flat).collect(Collectors.joining(", "));
        if (!magic && b.items().size() == 1 && !oneTuple) {
            out.addAll(lines(b.items().get(0), inner, "", ""));
        } else if (!magic && b.trailer() && fit(inner, joined) == Fit.YES) {
            out.add(pad(inner) + joined);
        } else {
            for (PyExpr item : b.items()) {
                out.addAll(lines(item, inner, "", ","));
            }
        }
        out.add(pad(indent) + b.close() + suffix);
        return out;
    }
}
