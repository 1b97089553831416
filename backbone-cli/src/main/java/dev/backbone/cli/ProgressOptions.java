package dev.backbone.cli;

import picocli.CommandLine.Option;

/** {@code --quiet} and {@code --verbose} for the commands that do long work. */
final class ProgressOptions {

    @Option(names = {"-q", "--quiet"}, description = "Print no progress on standard error (results and errors still print).")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print each stage as it starts and ends, with durations (on standard error).")
    boolean verbose;
}
