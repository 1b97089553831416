package dev.backbone.core.json;

/**
 * A place in the submitted text: the JSON Pointer of a value and its 1-based line and column.
 * Every finding carries one, so a user can jump to the spot in an editor.
 */
public record Position(String pointer, int line, int column) {

    /** The position of the whole document (used when nothing more precise exists). */
    public static final Position ROOT = new Position("", 1, 1);

    /** Appends an object key or array index to a JSON Pointer, escaping {@code ~} and {@code /}. */
    public static String child(String pointer, String token) {
        return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    public Position withPointer(String newPointer) {
        return new Position(newPointer, line, column);
    }
}
