package dev.backbone.deploy.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Copy of backbone-core's helper (core must not know deploy). Tests that need an outside tool
 * (promtool, amtool, prometheus, docker-compose) skip with a printed
 * reason on a laptop without it, but fail when {@code CI=true}: CI must have them.
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
