package dev.backbone.cli;

/** Entry point of the one executable jar: {@code backbone-ai <command> ...}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(BackboneCommand.execute(args));
    }
}
