package dev.backbone.core.json;

/** The text is not JSON; carries the 1-based line and column where the parser gave up. */
public final class JsonSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    public JsonSyntaxException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
