package dev.backbone.server.jobs;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Jobs in this process, for a single replica without {@code REDIS_URL}: a queue and a map.
 * Jobs are lost when the process stops, and other replicas cannot see them.
 */
final class MemoryJobStore implements JobStore {

    private record Entry(Map<String, String> fields, String body, long expiresAt) {}

    private final Map<String, Entry> jobs = new ConcurrentHashMap<>();
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final Duration ttl;
    private final LongSupplier clock;

    MemoryJobStore(Duration ttl, LongSupplier clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public void submit(String id, Map<String, String> fields, String body) {
        sweep();
        jobs.put(id, new Entry(Map.copyOf(fields), body, Long.MAX_VALUE));
        queue.add(id);
    }

    @Override
    public Optional<Job> find(String id) {
        Entry e = live(id);
        return e == null ? Optional.empty() : Optional.of(new Job(id, e.fields()));
    }

    @Override
    public Optional<String> body(String id) {
        Entry e = live(id);
        return e == null ? Optional.empty() : Optional.ofNullable(e.body());
    }

    private Entry live(String id) {
        Entry e = jobs.get(id);
        if (e != null && clock.getAsLong() >= e.expiresAt()) {
            jobs.remove(id, e);
            return null;
        }
        return e;
    }

    @Override
    public boolean update(String id, String fromStates, Map<String, String> fields, boolean finish) {
        boolean[] done = new boolean[1];
        List<String> from = List.of(fromStates.split(","));
        jobs.computeIfPresent(id, (k, e) -> {
            if (clock.getAsLong() >= e.expiresAt() || !from.contains(e.fields().get("state"))) {
                return e;
            }
            Map<String, String> f = new HashMap<>(e.fields());
            f.putAll(fields);
            done[0] = true;
            return new Entry(Map.copyOf(f), finish ? null : e.body(),
                    finish ? clock.getAsLong() + ttl.toMillis() : e.expiresAt());
        });
        return done[0];
    }

    @Override
    public long queued() {
        return queue.size();
    }

    @Override
    public Delivery next(Duration wait) throws InterruptedException {
        String id = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        return id == null ? null : new Delivery(id, id, false);
    }

    @Override
    public Delivery reclaim(Duration idle) {
        return null;
    }

    @Override
    public void heartbeat(Delivery d) {
        // One process: nobody else could take the job over.
    }

    @Override
    public void ack(Delivery d) {
        // Taken off the queue when delivered.
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String describe() {
        return "memory";
    }

    private void sweep() {
        long now = clock.getAsLong();
        jobs.entrySet().removeIf(e -> now >= e.getValue().expiresAt());
    }

    @Override
    public void close() {
        queue.clear();
    }
}
