package dev.backbone.cli;

/** Entry point of the one executable jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("BackBone");
    }
}
