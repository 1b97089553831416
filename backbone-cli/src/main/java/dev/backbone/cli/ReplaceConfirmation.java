package dev.backbone.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --force} on a folder that is not a BackBone project: nothing of a user's goes without
 * saying so. Lists what would be deleted and asks on the terminal, unless {@code --yes}.
 */
final class ReplaceConfirmation {

    private static final int SHOWN = 20;

    private ReplaceConfirmation() {}

    static boolean confirm(Path output, boolean yes, PrintWriter out, PrintWriter err) throws IOException {
        if (!Files.isDirectory(output)) {
            return true;
        }
        List<Path> files;
        try (var s = Files.walk(output)) {
            files = s.filter(p -> !Files.isDirectory(p)).sorted().toList();
        }
        if (files.isEmpty()) {
            return true;
        }
        out.println("--force replaces " + Invocation.current().shown(output) + ", deleting " + FindingPrinter.plural(files.size(), "file") + ":");
        files.stream().limit(SHOWN).forEach(p -> out.println("  " + output.relativize(p)));
        if (files.size() > SHOWN) {
            out.println("  ... and " + (files.size() - SHOWN) + " more");
        }
        if (yes) {
            return true;
        }
        out.print("Delete them? [y/N] ");
        out.flush();
        // without a terminal nobody can answer: refuse rather than wait (scripts pass --yes)
        // a daemon's client with a console runs such a command locally (DaemonClient), so a daemon never asks
        boolean console = Invocation.current().console() && !Invocation.current().remote();
        String answer = !console ? null
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (!console) {
            out.println();
        }
        if (answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"))) {
            return true;
        }
        err.println("backbone-ai: nothing was deleted (answer y on a terminal, or pass --yes, to replace the folder)");
        return false;
    }
}
