package dev.backbone.core.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need an outside tool (the Python toolchain, PostgreSQL, MariaDB; promtool, amtool,
 * Prometheus for backbone-deploy-tests, which gets this class from core's test-jar) skip with a
 * printed reason on a laptop without it, but fail when {@code CI=true}: CI must have them.
 */
public final class Requirements {
    private Requirements() {}

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (or, in CI, fails) the calling test when {@code available} is false. */
    public static void require(boolean available, String what) {
        if (available) {
            return;
        }
        String reason = "requires " + what;
        if (inCi()) {
            Assertions.fail(reason + " (CI=true: CI must provide it; see .ci/run)");
        }
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    /** An environment variable or its default. */
    public static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }
}
