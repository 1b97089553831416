package dev.backbone.cli;

import dev.backbone.core.verify.VerifyMode;
import dev.backbone.core.verify.VerifyReport;
import dev.backbone.core.verify.python.PythonToolchain;
import java.util.List;
import java.util.Optional;

/**
 * {@code --verify full} asks for the Python checks by name, so one that cannot run fails the
 * command (exit code 2, naming what to install) instead of passing as "skipped".
 */
final class FullVerification {
    private FullVerification() {}

    /** The Python modules the full verification imports. */
    static final String[] MODULES = {"sqlalchemy", "pyflakes", "black", "mypy"};

    static final String INSTALL = "python3 -m pip install 'SQLAlchemy>=2.0,<2.1' pyflakes black mypy";

    /** Why the toolchain cannot run every check, or empty when it can. */
    static Optional<String> missing(PythonToolchain tc) {
        return tc.missing(MODULES);
    }

    static String message(String why) {
        return "--verify full needs Python 3 with SQLAlchemy 2.0, pyflakes, black and mypy: " + why
                + "; install them (" + INSTALL + ") and point BACKBONE_PYTHON at that python, or use --verify fast";
    }

    /** The checks of a full verification that did not run. */
    static List<VerifyReport.Check> skipped(VerifyReport r) {
        if (r.mode() != VerifyMode.FULL) {
            return List.of();
        }
        return r.checks().stream().filter(c -> c.status() == VerifyReport.Status.SKIPPED).toList();
    }
}
