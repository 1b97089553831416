package dev.backbone.server.config;

/**
 * A configured secret (API key, token, JWT signing key). {@link #toString()} never shows the
 * value, so a settings object logged or printed by accident leaks nothing.
 */
public record Secret(String value) {

    public static final Secret NONE = new Secret("");

    public Secret {
        value = value == null ? "" : value;
    }

    public boolean isSet() {
        return !value.isBlank();
    }

    @Override
    public String toString() {
        return isSet() ? "****" : "(not set)";
    }
}
