package dev.backbone.core.workflow;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reports one tool call (a template render, a check) to the listener around the work, so the
 * server can show it as a span under its agent; the engine itself only times and tells.
 */
public final class Tools {

    private Tools() {}

    /** Runs {@code work} as tool {@code tool}; {@code ok} judges its result (a thrown exception is a failure). */
    public static <T> T call(WorkflowListener listener, String tool, Supplier<T> work, Predicate<T> ok) {
        listener.toolStarted(tool);
        long t0 = System.nanoTime();
        boolean success = false;
        try {
            T result = work.get();
            success = ok.test(result);
            return result;
        } finally {
            listener.toolFinished(tool, System.nanoTime() - t0, success);
        }
    }
}
