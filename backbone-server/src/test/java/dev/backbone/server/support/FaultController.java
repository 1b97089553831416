package dev.backbone.server.support;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only routes (test classes are never in the jar; the condition keeps them off even in
 * tests that do not ask for them): a failure with a secret in its message, and a slow request
 * for the graceful-shutdown test, and one that computes for the cut-drain test.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
@ConditionalOnProperty(name = "BACKBONE_TEST_FAULTS", havingValue = "true")
class FaultController {

    static final String SECRET_IN_MESSAGE = "password=hunter2-very-secret";

    @GetMapping("/test/boom")
    String boom() {
        throw new IllegalStateException("database " + SECRET_IN_MESSAGE + " exploded");
    }

    private final dev.backbone.server.workflow.WorkflowService workflows;

    FaultController(dev.backbone.server.workflow.WorkflowService workflows) {
        this.workflows = workflows;
    }

    /** Real work for {@code ms}: the blog example validated and planned over and over (the cut-drain test). */
    @GetMapping(path = "/test/busy", produces = "application/json")
    String busy(@RequestParam(name = "ms") long ms) {
        String blog = Examples.read("blog_schema.json");
        long end = System.nanoTime() + ms * 1_000_000;
        int runs = 0;
        while (System.nanoTime() < end) {
            workflows.validate(blog);
            runs++;
        }
        return "{\"runs\":" + runs + "}";
    }

    @GetMapping(path = "/test/slow", produces = "application/json")
    String slow(@RequestParam(name = "ms") long ms) throws InterruptedException {
        Thread.sleep(ms);
        return "{\"slept_ms\":" + ms + "}";
    }
}
