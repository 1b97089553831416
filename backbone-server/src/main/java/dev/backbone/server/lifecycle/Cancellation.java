package dev.backbone.server.lifecycle;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requests a cut drain gave up on. When {@code SHUTDOWN_TIMEOUT} runs out with requests
 * still in flight, their threads are marked here and interrupted: work that waits (an LLM call,
 * a sleep) stops at once, and the pipeline stops at its next stage ({@code WorkflowService}
 * checks between stages), so nothing computes on while the context closes under it.
 */
public final class Cancellation {

    private final Set<Thread> cancelled = ConcurrentHashMap.newKeySet();

    void cancel(Thread t) {
        cancelled.add(t);
        t.interrupt();
    }

    /** Called as the request ends: the pooled thread serves the next one uncancelled. */
    void forget(Thread t) {
        if (cancelled.remove(t) && t == Thread.currentThread()) {
            Thread.interrupted();
        }
    }

    /** Whether the current request was cancelled by the drain. */
    public boolean isCancelled() {
        return cancelled.contains(Thread.currentThread());
    }

    /** Stops the current request's work when the drain has cancelled it. */
    public void throwIfCancelled() {
        if (isCancelled()) {
            throw new RequestCancelledException();
        }
    }

    /** The work of a request the drain cancelled; answered 503, logged as one line. */
    public static final class RequestCancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RequestCancelledException() {
            super("cancelled: the shutdown drain reached SHUTDOWN_TIMEOUT", null, false, false);
        }
    }
}
