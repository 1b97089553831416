package dev.backbone.cli;

import dev.backbone.core.workflow.WorkflowListener;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/**
 * Progress of long work on standard error. On a terminal: one status line, rewritten in place as
 * each stage or verification step STARTS, with the seconds spent, and erased before the result
 * is printed. Piped, or with {@code --quiet}: nothing. With {@code --verbose}: a permanent line
 * as each stage starts and ends (durations included), terminal or not.
 */
final class Progress implements WorkflowListener, AutoCloseable {

    private static final String ERASE = "\r\033[K";

    private final PrintWriter err;
    private final boolean live;
    private final boolean verbose;
    private final long start = System.nanoTime();
    private String status;
    private boolean shown;
    private int llmCalls;
    private Thread ticker;

    Progress(PrintWriter err, boolean live, boolean verbose) {
        this.err = err;
        this.live = live;
        this.verbose = verbose;
    }

    /** The progress a command shows given its options and where standard error goes. */
    static Progress of(picocli.CommandLine cl, ProgressOptions options) {
        Terminal t = BackboneCommand.terminal(cl);
        boolean quiet = options != null && options.quiet;
        return new Progress(cl.getErr(), !quiet && t.errIsTerminal(), !quiet && options != null && options.verbose);
    }

    /** Shows what is starting now. */
    synchronized void status(String text) {
        status = text;
        if (verbose) {
            err.println("  " + text);
            err.flush();
        }
        if (live) {
            render();
            if (ticker == null) {
                ticker = new Thread(this::tick, "backbone-progress");
                ticker.setDaemon(true);
                ticker.start();
            }
        }
    }

    private synchronized void render() {
        if (status != null) {
            long s = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            err.print(ERASE + "backbone-ai: " + status + (s > 0 ? " (" + s + " s)" : ""));
            err.flush();
            shown = true;
        }
    }

    private void tick() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(1000);
                render();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Erases the status line (before the result is printed). */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.interrupt();
            ticker = null;
        }
        status = null;
        if (shown) {
            err.print(ERASE);
            err.flush();
            shown = false;
        }
    }

    @Override
    public void stageStarted(String stage) {
        status(switch (stage) {
            case "validate" -> "validating the schema";
            case "plan" -> "planning";
            case "generate" -> "generating files";
            case "verify" -> "verifying the generated code";
            default -> stage;
        });
    }

    /** A tool call of the engine (a target's render, each verification check) as it starts. */
    @Override
    public void toolStarted(String tool) {
        if (tool.startsWith("render:")) {
            status("generate: rendering " + tool.substring("render:".length()));
            return;
        }
        status("verify: " + switch (tool) {
            case "ddl_check" -> "SQL on an embedded database";
            case "model_structure" -> "model structure";
            case "python:black" -> "python: black --check";
            case "python:mypy" -> "python: mypy --strict";
            case "python:ruff" -> "python: ruff check";
            case "python:create_all" -> "python: import and create_all";
            default -> tool.replace(":", ": ");
        });
    }

    @Override
    public synchronized void stageFinished(String stage, long nanos, boolean success) {
        if (verbose) {
            err.printf("  %-9s %s in %.1f ms%n", stage, success ? "done" : "FAILED", nanos / 1e6);
            err.flush();
        }
    }

    @Override
    public synchronized void filesGenerated(String projectName, int files, long lines, int models) {
        if (verbose) {
            err.printf("  %d files, %d lines, %d models%n", files, lines, models);
            err.flush();
        }
    }

    @Override
    public void agentStarted(String agent) {
        if (agent.equals("schema_designer")) {
            status("design: asking the LLM for a draft (call 1)");
        } else if (agent.equals("schema_reviewer")) {
            status("review: asking the LLM for suggestions");
        }
    }

    @Override
    public void llmCall(String provider, String model, long nanos, long promptTokens, long completionTokens, String errorType) {
        int n;
        synchronized (this) {
            n = ++llmCalls;
        }
        status(errorType == null
                ? "LLM call " + n + " answered (" + provider + " " + model + ", " + nanos / 1_000_000 + " ms); checking"
                : "LLM call " + n + " failed (" + errorType + ")");
    }

    @Override
    public void workflowFinished(String kind, String status, long nanos) {
        if (kind.equals("validation") && status.equals("failed") && llmCalls > 0) {
            status("design: the draft has errors; asking the LLM to repair it (call " + (llmCalls + 1) + ")");
        }
    }
}
