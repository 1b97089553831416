package dev.backbone.server.jobs;

import java.util.Locale;

/** Where a job is: {@code queued} and {@code running} can still change; the other three are final. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public static JobState of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** The states a job can leave (for the store's conditional updates). */
    static final String OPEN = "queued,running";
}
