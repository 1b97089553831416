package dev.backbone.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application: every feature package below this one is scanned. */
@SpringBootApplication
public class BackboneApplication {}
