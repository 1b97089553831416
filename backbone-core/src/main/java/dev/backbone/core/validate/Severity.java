package dev.backbone.core.validate;

import java.util.Locale;

/** Errors stop generation; warnings and info do not. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** Lower-case spelling used in JSON and compiler-style lines. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
