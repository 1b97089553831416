package dev.backbone.server.jobs;

import dev.backbone.server.redis.RedisConnector;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's workers: at most {@code JOBS_CONCURRENCY} jobs at once, whatever the queue
 * holds. One dispatcher thread takes a job only when a worker is free (so a busy replica leaves
 * the queue to the others), first any job a dead replica left behind, then the next new one.
 * A watch thread renews the claim on every running job and stops those cancelled on any
 * replica (by interrupting their worker).
 */
final class JobWorkers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobWorkers.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final JobStore store;
    private final JobRunner runner;
    private final String replica;
    private final Duration claimTimeout;
    private final Semaphore free;
    private final ExecutorService workers;
    private final ScheduledExecutorService watch;
    private final Thread dispatcher;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean stopping;
    /** The queue failed on the last attempt (logged once per outage, not once a second). */
    private boolean queueDown;
    private long nextReclaim;

    /** A job running here, and the worker thread running it while it does (to interrupt it on cancel). */
    private static final class Running {
        final JobStore.Delivery delivery;
        private Thread worker;
        volatile long begunAt = Long.MAX_VALUE;

        Running(JobStore.Delivery delivery) {
            this.delivery = delivery;
        }

        synchronized void begin() {
            worker = Thread.currentThread();
            begunAt = System.currentTimeMillis();
        }

        /** Ends the run; clears an interrupt that came too late, so the pool thread's next job starts clean. */
        synchronized void end() {
            worker = null;
            Thread.interrupted();
        }

        synchronized void cancel() {
            if (worker != null) {
                worker.interrupt();
            }
        }
    }

    JobWorkers(JobStore store, JobRunner runner, String replica, int concurrency, Duration claimTimeout) {
        this.replica = replica;
        this.store = store;
        this.runner = runner;
        this.claimTimeout = claimTimeout;
        this.free = new Semaphore(concurrency);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(concurrency, r -> daemon(r, "job-worker-" + n.incrementAndGet()));
        this.watch = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "job-watch"));
        this.dispatcher = daemon(this::dispatch, "job-dispatcher");
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    void start() {
        long every = Math.max(100, claimTimeout.toMillis() / 3);
        watch.scheduleWithFixedDelay(this::renewAndCancel, every, every, TimeUnit.MILLISECONDS);
        dispatcher.start();
    }

    /** Jobs running on this replica now. */
    int running() {
        return busy.get();
    }

    /** Stops the job's worker if it runs here (the caller has already stored the cancel). */
    void cancelLocal(String jobId) {
        Running r = running.get(jobId);
        if (r != null) {
            r.cancel();
        }
    }

    private void dispatch() {
        while (!stopping) {
            try {
                free.acquire();
            } catch (InterruptedException e) {
                return;
            }
            JobStore.Delivery d = null;
            boolean failed = false;
            try {
                d = take();
            } catch (InterruptedException e) {
                free.release();
                return;
            } catch (RuntimeException e) {
                failed = true;
                if (!stopping) {
                    if (!queueDown) {
                        queueDown = true;
                        log.warn("Jobs queue unavailable ({}); trying again every second", RedisConnector.rootMessage(e));
                    }
                    pause();
                }
            }
            if (!failed && queueDown) {
                queueDown = false;
                log.info("Jobs queue available again");
            }
            if (d == null) {
                free.release();
                continue;
            }
            submit(d);
        }
    }

    private JobStore.Delivery take() throws InterruptedException {
        long now = System.currentTimeMillis();
        if (now >= nextReclaim) {
            nextReclaim = now + Math.max(100, claimTimeout.toMillis() / 2);
            JobStore.Delivery d = store.reclaim(claimTimeout);
            if (d != null) {
                return d;
            }
        }
        return store.next(POLL);
    }

    private void submit(JobStore.Delivery d) {
        busy.incrementAndGet();
        Running r = new Running(d);
        if (d.jobId() != null) {
            running.put(d.jobId(), r);
        }
        Runnable task = () -> {
            boolean ran = false;
            r.begin();
            try {
                runner.run(d);
                ran = true;
            } catch (RuntimeException e) {
                log.warn("Job {} could not be run ({}); it stays queued for another attempt", d.jobId(),
                        RedisConnector.rootMessage(e));
            } finally {
                if (d.jobId() != null) {
                    running.remove(d.jobId());
                }
                r.end();
                busy.decrementAndGet();
                free.release();
            }
            if (ran) {
                ackQuietly(d);
            }
        };
        try {
            workers.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            running.remove(d.jobId() == null ? "" : d.jobId());
            busy.decrementAndGet();
            free.release();
        }
    }

    private void ackQuietly(JobStore.Delivery d) {
        try {
            store.ack(d);
        } catch (RuntimeException e) {
            log.warn("Job {}: acknowledgement failed ({}); another replica will find it finished", d.jobId(),
                    RedisConnector.rootMessage(e));
        }
    }

    private void renewAndCancel() {
        for (Running r : running.values()) {
            try {
                Job job = store.find(r.delivery.jobId()).orElse(null);
                if (job == null || job.state() == JobState.CANCELLED) {
                    r.cancel();
                } else if (job.state() == JobState.RUNNING && !replica.equals(job.get("replica"))
                        && job.millis("started_at") >= r.begunAt) {
                    // Taken over while this replica was too slow to renew its claim: the other one runs it now.
                    log.warn("Job {} was taken over by replica {}; stopping the run here", job.id(), job.get("replica"));
                    r.cancel();
                } else {
                    store.heartbeat(r.delivery);
                }
            } catch (RuntimeException e) {
                log.debug("Job {}: claim not renewed ({})", r.delivery.jobId(), e.toString());
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops taking jobs and gives running ones {@code grace} to finish; what is still running
     * after that stays pending in a shared queue, for another replica to take over.
     */
    void stop(Duration grace) {
        stopping = true;
        dispatcher.interrupt();
        watch.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
