package dev.backbone.server.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where jobs and their queue live: Redis (every replica sees every job, {@link RedisJobStore})
 * or this process ({@link MemoryJobStore}). Every change of a job's fields is conditional on
 * its state, so a cancel and a worker's progress never overwrite each other: once a job is
 * finished (succeeded, failed, cancelled) nothing changes it any more, and it expires
 * {@code JOBS_RESULT_TTL} later.
 */
interface JobStore extends AutoCloseable {

    /** Stores a queued job and its body, and queues it. */
    void submit(String id, Map<String, String> fields, String body);

    Optional<Job> find(String id);

    /** The body the job was submitted with; empty once the job expired. */
    Optional<String> body(String id);

    /**
     * Sets {@code fields} if the job is in one of {@code fromStates} (comma separated); with
     * {@code finish} the job (and its body) then expire after the result TTL.
     *
     * @return false when the job is in another state (or gone), and nothing was changed
     */
    boolean update(String id, String fromStates, Map<String, String> fields, boolean finish);

    /** Jobs waiting for a worker, across all replicas sharing the store. */
    long queued();

    /** The next job for this replica, waiting up to {@code wait}; null when none came. */
    Delivery next(Duration wait) throws InterruptedException;

    /** A job another replica took and has not reported on for {@code idle} (it died); null when there is none. */
    Delivery reclaim(Duration idle);

    /** Tells the other replicas that this one still works on {@code d}, so they do not take it over. */
    void heartbeat(Delivery d);

    /** The job is done with (finished, cancelled or gone): no replica gets it again. */
    void ack(Delivery d);

    /** Whether the store answers (readiness). */
    boolean available();

    /** Where jobs live, for readiness ({@code memory} or {@code redis host:port/db}). */
    String describe();

    @Override
    void close();

    /** One job handed to this replica; {@code entry} is the queue's handle for it. */
    record Delivery(String jobId, String entry, boolean retried) {}
}
