package dev.backbone.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code backbone-ai version}: name and version, for scripts and bug reports. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Prints the name and version (as -V and --version do on every command).",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = "0:printed")
final class VersionCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("BackBone-AI " + VersionInfo.version());
        return BackboneCommand.OK;
    }
}
