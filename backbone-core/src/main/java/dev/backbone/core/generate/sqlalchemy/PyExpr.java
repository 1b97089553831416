package dev.backbone.core.generate.sqlalchemy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A Python expression as far as line breaking needs to know it: which parts black may split
 * (call arguments, collection items) and which it never splits (names, literals). Text in an
 * expression is already valid, escaped Python source.
 */
public sealed interface PyExpr {

    /** The expression on one line. */
    String flat();

    /** Names, literals, argument-less calls: never split. */
    record Atom(String code) implements PyExpr {
        @Override
        public String flat() {
            return code;
        }
    }

    /** {@code name=value} (a keyword argument) or {@code key: value} (a dict entry): splits inside the value. */
    record Prefixed(String prefix, PyExpr value) implements PyExpr {
        @Override
        public String flat() {
            return prefix + value.flat();
        }
    }

    /**
     * A bracketed list of items: a call's arguments ({@code trailer}: black keeps them on one
     * indented line when they fit) or a list/tuple/dict display (black puts each item on its own
     * line as soon as the display does not fit).
     */
    record Bracketed(String head, String open, String close, List<PyExpr> items, boolean trailer) implements PyExpr {
        public Bracketed {
            items = List.copyOf(items);
        }

        @Override
        public String flat() {
            String inner = items.stream().map(PyExpr::flat).collect(Collectors.joining(", "));
            boolean oneTuple = !trailer && open.equals("(") && items.size() == 1;
            return head + open + inner + (oneTuple ? "," : "") + close;
        }
    }

    public static PyExpr atom(String code) {
        return new Atom(code);
    }

    public static PyExpr str(String text) {
        return new Atom(PythonEscapes.stringLiteral(text));
    }

    public static PyExpr kw(String name, PyExpr value) {
        return new Prefixed(name + "=", value);
    }

    public static PyExpr entry(PyExpr key, PyExpr value) {
        return new Prefixed(key.flat() + ": ", value);
    }

    /** A call; without arguments it is an atom ({@code sa.Text()}). */
    public static PyExpr call(String callee, List<PyExpr> args) {
        return args.isEmpty() ? new Atom(callee + "()") : new Bracketed(callee, "(", ")", args, true);
    }

    public static PyExpr call(String callee, PyExpr... args) {
        return call(callee, List.of(args));
    }

    public static PyExpr list(List<PyExpr> items) {
        return new Bracketed("", "[", "]", items, false);
    }

    public static PyExpr tuple(List<PyExpr> items) {
        return new Bracketed("", "(", ")", items, false);
    }

    public static PyExpr dict(List<PyExpr> entries) {
        return new Bracketed("", "{", "}", entries, false);
    }
}
