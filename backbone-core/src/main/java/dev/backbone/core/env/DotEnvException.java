package dev.backbone.core.env;

/**
 * A {@code .env} file that cannot be read as written. The message is one line,
 * {@code file:line: what is wrong}, and never contains a value (a value may be a secret).
 * An {@link IllegalArgumentException}, so callers that already report bad configuration in
 * one line (the CLI's commands, the server's start-up) report this one the same way.
 */
public final class DotEnvException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public DotEnvException(String message) {
        super(message);
    }
}
