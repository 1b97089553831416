package dev.backbone.server.support;

import dev.backbone.server.BackboneApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A real server on a random loopback port, configured through the contract's variable names
 * (as Spring properties: a test cannot set environment variables), in the development profile
 * whether or not the machine is a container. Logs go to
 * {@code target/test-logs/app.log}; {@code .env} is not read. Rate limiting is off (test classes
 * share a server, and with it the limits); the security tests turn it on with
 * {@code @TestPropertySource}, which wins over these.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = BackboneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "API_HOST=127.0.0.1",
            "APP_ENV=development",
            "OUTPUT_DIR=target/test-output",
            "LOG_DIR=target/test-logs",
            "BACKBONE_TEST_FAULTS=true",
            "ENABLE_RATE_LIMITING=false",
            "backbone.env-file=target/no-such.env"
        })
public @interface ServerTest {}
