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
 * <p>Widths: black counts characters, newer versions count East Asian wide characters twice and
 * combining marks as zero. Where the two counts disagree about a line, the line is split with a
 * trailing comma, which every black version keeps as written ("magic trailing comma").
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
        int len = indent;
        int nonAscii = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowSurrogate(c)) {
                continue;
            }
            len++;
            if (c > 0x7f) {
                nonAscii++;
            }
        }
        if (nonAscii == 0) {
            return len <= LINE_LENGTH ? Fit.YES : Fit.NO;
        }
        if (len + nonAscii <= LINE_LENGTH) {
            return Fit.YES;
        }
        return len - nonAscii > LINE_LENGTH ? Fit.NO : Fit.MAYBE;
    }

    /** Black 23's measure (the toolchain CI pins): characters. */
    static boolean lenFits(int indent, String text) {
        return indent + text.codePointCount(0, text.length()) <= LINE_LENGTH;
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
        if (fit(indent, lhs + "(") == Fit.YES && fit(indent + 4, value.flat()) == Fit.YES) {
            // black 24+: the right-hand side in parentheses rather than a split annotation
            return List.of(pad(indent) + lhs + "(", pad(indent + 4) + value.flat(), pad(indent) + ")");
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
            // a one-tuple's comma is not "magic": only black 23's measure can decide
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
