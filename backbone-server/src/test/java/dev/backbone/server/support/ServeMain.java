package dev.backbone.server.support;

import dev.backbone.server.BackboneServer;

/** What {@code backbone-ai serve} does, for tests that start the service in a child JVM. */
public final class ServeMain {

    private ServeMain() {}

    public static void main(String[] args) {
        System.exit(BackboneServer.serve(args));
    }
}
