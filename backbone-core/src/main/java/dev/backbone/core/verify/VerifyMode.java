package dev.backbone.core.verify;

import java.util.Locale;

/** How hard the code_validator checks generated files ({@code --verify}). */
public enum VerifyMode {
    /** No checks. */
    NONE,
    /** In-JVM checks: DDL executed on an embedded database for the dialect, structural checks. */
    FAST,
    /** FAST plus the Python toolchain where available: syntax, pyflakes, black, mypy --strict, import + create_all. */
    FULL;

    public static VerifyMode parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown verify mode '" + s + "'; use none, fast or full");
        }
    }
}
