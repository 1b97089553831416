package dev.backbone.server.config;

/**
 * A setting that stops start-up. The message is the one line the operator sees: it names the
 * variable and what is expected, never a secret value, and carries no stack trace on purpose.
 */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message, null, false, false);
    }
}
