package dev.backbone.core.json;

import java.util.Objects;

/**
 * A place in the submitted text: the JSON Pointer of a value and its 1-based line and column.
 * Every finding carries one, so a user can jump to the spot in an editor.
 *
 * <p>The reader gives every value of a document a position, but findings need the pointer of
 * only a handful. So a position made by {@link #field} or {@link #item} keeps its parent and its
 * own token, and spells the pointer out when asked: building the string eagerly for every value
 * was most of what reading a large document allocated and kept alive. The object is 32 bytes
 * (no cached pointer: only findings ask, once each). Equality and {@link #toString()} are those
 * of a record of (pointer, line, column), so positions compare and print by what they denote.
 */
public final class Position {

    /** The position of the whole document (used when nothing more precise exists). */
    public static final Position ROOT = new Position("", 1, 1);

    /** {@code null} when {@link #token} is the whole pointer. */
    private final Position parent;
    /** The whole pointer (no parent), an object key, or {@code null} for array item {@link #index}. */
    private final String token;
    private final int index;
    private final int line;
    private final int column;

    public Position(String pointer, int line, int column) {
        this(null, Objects.requireNonNull(pointer, "pointer"), -1, line, column);
    }

    private Position(Position parent, String token, int index, int line, int column) {
        this.parent = parent;
        this.token = token;
        this.index = index;
        this.line = line;
        this.column = column;
    }

    /** The position of this object's field {@code name}, found at {@code line}:{@code column}. */
    public Position field(String name, int line, int column) {
        return new Position(this, Objects.requireNonNull(name, "name"), -1, line, column);
    }

    /** The position of this array's item {@code index}, found at {@code line}:{@code column}. */
    public Position item(int index, int line, int column) {
        return new Position(this, null, index, line, column);
    }

    /** Appends an object key or array index to a JSON Pointer, escaping {@code ~} and {@code /}. */
    public static String child(String pointer, String token) {
        return pointer + "/" + escape(token);
    }

    private static String escape(String token) {
        return token.indexOf('~') < 0 && token.indexOf('/') < 0 ? token : token.replace("~", "~0").replace("/", "~1");
    }

    /** The JSON Pointer of this value ({@code ""} for the document itself). */
    public String pointer() {
        if (parent == null) {
            return token;
        }
        StringBuilder b = new StringBuilder(64);
        appendTo(b);
        return b.toString();
    }

    private void appendTo(StringBuilder b) {
        if (parent == null) {
            b.append(token);
            return;
        }
        parent.appendTo(b);
        b.append('/');
        if (token == null) {
            b.append(index);
        } else {
            b.append(escape(token));
        }
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public Position withPointer(String newPointer) {
        return new Position(newPointer, line, column);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Position other && line == other.line && column == other.column
                && pointer().equals(other.pointer()));
    }

    @Override
    public int hashCode() {
        return (pointer().hashCode() * 31 + line) * 31 + column;
    }

    @Override
    public String toString() {
        return "Position[pointer=" + pointer() + ", line=" + line + ", column=" + column + "]";
    }
}
