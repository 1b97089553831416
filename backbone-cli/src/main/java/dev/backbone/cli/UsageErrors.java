package dev.backbone.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Usage errors in one line that names the mistake: a mistyped command or option is named, with
 * "did you mean" and the nearest names (edit distance), then a pointer to {@code --help}. With
 * {@code --json} on the command line the same message is a JSON object on standard output.
 * Exit code 2 either way.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine c = ex.getCommandLine();
        String message = describe(ex, args);
        PrintWriter err = c.getErr();
        if (Arrays.asList(args).contains("--json")) {
            return Problems.fail(c.getOut(), err, true, BackboneCommand.USAGE, Problems.USAGE, message);
        }
        err.println("backbone-ai: " + message);
        err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return BackboneCommand.USAGE;
    }

    static String describe(CommandLine.ParameterException ex, String[] args) {
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            return unknown(spec, u.getUnmatched().get(0));
        }
        if (ex instanceof CommandLine.MissingParameterException) {
            // "--ouput x" leaves --output missing: the typo, not the missing option, is the news.
            for (String a : args) {
                if (a.startsWith("-") && a.length() > 1 && !a.equals("--") && !known(spec, a)) {
                    return unknown(spec, a);
                }
            }
        }
        return ex.getMessage();
    }

    private static boolean known(CommandSpec spec, String arg) {
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        if (spec.findOption(name) != null || spec.root().findOption(name) != null) {
            return true;
        }
        // clustered short options (-fv) and values that look like options are picocli's to judge
        return !name.startsWith("--") && name.length() > 2;
    }

    private static String unknown(CommandSpec spec, String arg) {
        String name = arg.contains("=") && arg.startsWith("-") ? arg.substring(0, arg.indexOf('=')) : arg;
        List<String> candidates = new ArrayList<>();
        String what;
        if (name.startsWith("-")) {
            what = "unknown option '" + name + "'";
            for (OptionSpec o : spec.options()) {
                if (!o.hidden()) {
                    candidates.addAll(Arrays.asList(o.names()));
                }
            }
        } else if (!spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
            what = "unknown command '" + name + "'";
            candidates.addAll(spec.subcommands().keySet());
        } else {
            what = "unexpected argument '" + name + "'";
        }
        List<String> near = nearest(name, candidates);
        return near.isEmpty() ? what : what + "; did you mean " + String.join(" or ", near) + "?";
    }

    /** Up to three names within a small edit distance of {@code typed}, nearest first. */
    static List<String> nearest(String typed, List<String> names) {
        String t = typed.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, t.replaceFirst("^-+", "").length() / 3);
        return names.stream().distinct()
                .filter(n -> distance(t, n.toLowerCase(Locale.ROOT)) <= limit)
                .sorted(Comparator.comparingInt((String n) -> distance(t, n.toLowerCase(Locale.ROOT))).thenComparing(n -> n))
                .limit(3).toList();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
