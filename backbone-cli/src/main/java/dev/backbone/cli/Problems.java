package dev.backbone.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * How a command that cannot do its work says so: one line on standard error
 * ({@code backbone-ai: ...}), or, when the user asked for {@code --json}, a JSON object on
 * standard output ({@code {"status": "error", "error": KIND, "message", "exit_code"}}) so a
 * program that asked for JSON always gets JSON. The exit code is the same either way.
 */
final class Problems {
    private Problems() {}

    static final String USAGE = "usage";
    static final String INPUT = "input";
    static final String OUTPUT = "output";
    static final String CONFIGURATION = "configuration";
    static final String VERIFICATION = "verification_unavailable";
    static final String PROVIDER = "provider";
    static final String INTERNAL = "internal";

    /** Reports a problem for {@code cl}'s command and returns {@code exitCode}. */
    static int fail(CommandLine cl, int exitCode, String kind, String message) {
        return fail(cl.getOut(), cl.getErr(), wantsJson(cl), exitCode, kind, message);
    }

    static int fail(PrintWriter out, PrintWriter err, boolean json, int exitCode, String kind, String message) {
        if (json) {
            out.println(Json.write(object(exitCode, kind, message)));
            out.flush();
        } else {
            err.println("backbone-ai: " + message);
            err.flush();
        }
        return exitCode;
    }

    static Map<String, Object> object(int exitCode, String kind, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "error");
        m.put("error", kind);
        m.put("message", message);
        m.put("exit_code", exitCode);
        return m;
    }

    /** Whether the command line being run asked for {@code --json} (an option of this command). */
    static boolean wantsJson(CommandLine cl) {
        CommandLine.ParseResult pr = cl.getParseResult();
        return pr != null && cl.getCommandSpec().findOption("--json") != null && pr.hasMatchedOption("--json");
    }
}
