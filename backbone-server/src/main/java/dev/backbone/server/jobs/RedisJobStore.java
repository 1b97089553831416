package dev.backbone.server.jobs;

import dev.backbone.server.redis.RedisConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Jobs in Redis, shared by every replica: each job a hash {@code job:<id>} (and its body beside
 * it), the queue a stream {@code jobs} read by the consumer group {@code workers}, each replica
 * a consumer. An entry stays pending until the replica that runs the job acknowledges it; the
 * runner renews its claim while it works ({@link #heartbeat}), so an entry idle for longer than
 * {@code JOBS_CLAIM_TIMEOUT} belongs to a replica that died, and another one takes it over with
 * {@code XAUTOCLAIM}. Acknowledged entries are deleted, so the stream holds only open work.
 */
final class RedisJobStore implements JobStore {

    static final String GROUP = "workers";

    /** KEYS: job hash, body; ARGV: allowed states, expiry ms (0: keep), then field/value pairs. */
    static final String UPDATE = """
            local s = redis.call('HGET', KEYS[1], 'state')
            if not s then return 0 end
            local ok = false
            for st in string.gmatch(ARGV[1], '[^,]+') do
              if st == s then ok = true end
            end
            if not ok then return 0 end
            for i = 3, #ARGV, 2 do
              redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
            end
            if tonumber(ARGV[2]) > 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              redis.call('DEL', KEYS[2])
            end
            return 1
            """;

    private final RedisConnector redis;
    private final String consumer;
    private final Duration resultTtl;
    private final Duration openTtl;
    private final String stream;
    /** The dispatcher's own connection for the blocking XREADGROUP (only the dispatcher thread uses it). */
    private volatile Jedis reader;
    private volatile boolean groupReady;

    /**
     * @param consumer this replica's name in the consumer group (unique per process)
     * @param resultTtl how long a finished job stays
     */
    RedisJobStore(RedisConnector redis, String consumer, Duration resultTtl) {
        this.redis = redis;
        this.consumer = consumer;
        this.resultTtl = resultTtl;
        // An open job that nobody finishes (every replica gone for a day) does not stay for ever either.
        this.openTtl = resultTtl.plus(Duration.ofDays(1));
        this.stream = redis.key("jobs");
    }

    private String jobKey(String id) {
        return redis.key("job:" + id);
    }

    private String bodyKey(String id) {
        return redis.key("job:" + id + ":body");
    }

    @Override
    public void submit(String id, Map<String, String> fields, String body) {
        redis.call(c -> {
            c.hset(jobKey(id), fields);
            c.pexpire(jobKey(id), openTtl.toMillis());
            c.psetex(bodyKey(id), openTtl.toMillis(), body);
            return c.xadd(stream, XAddParams.xAddParams(), Map.of("job", id));
        });
    }

    @Override
    public Optional<Job> find(String id) {
        Map<String, String> f = redis.call(c -> c.hgetAll(jobKey(id)));
        return f == null || f.isEmpty() || !f.containsKey("state") ? Optional.empty() : Optional.of(new Job(id, f));
    }

    @Override
    public Optional<String> body(String id) {
        return Optional.ofNullable(redis.call(c -> c.get(bodyKey(id))));
    }

    @Override
    public boolean update(String id, String fromStates, Map<String, String> fields, boolean finish) {
        List<String> args = new ArrayList<>(2 + fields.size() * 2);
        args.add(fromStates);
        args.add(finish ? Long.toString(resultTtl.toMillis()) : "0");
        fields.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        Object n = redis.call(c -> c.eval(UPDATE, List.of(jobKey(id), bodyKey(id)), args));
        return Long.valueOf(1L).equals(n);
    }

    @Override
    public long queued() {
        ensureGroup();
        return redis.call(c -> {
            long len = c.xlen(stream);
            long pending = c.xpending(stream, GROUP).getTotal();
            return Math.max(0, len - pending);
        });
    }

    @Override
    public Delivery next(Duration wait) throws InterruptedException {
        ensureGroup();
        try {
            if (reader == null || !reader.isConnected() || reader.isBroken()) {
                closeReader();
                reader = redis.dedicated(wait);
            }
            List<Map.Entry<String, List<StreamEntry>>> got = reader.xreadGroup(GROUP, consumer,
                    XReadGroupParams.xReadGroupParams().block((int) wait.toMillis()).count(1),
                    Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            if (got == null || got.isEmpty() || got.get(0).getValue().isEmpty()) {
                return null;
            }
            StreamEntry m = got.get(0).getValue().get(0);
            return new Delivery(m.getFields().get("job"), m.getID().toString(), false);
        } catch (JedisConnectionException e) {
            closeReader();
            throw e;
        } catch (JedisDataException e) {
            if (String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
                groupReady = false;
            }
            throw e;
        }
    }

    @Override
    public Delivery reclaim(Duration idle) {
        ensureGroup();
        return redis.call(c -> {
            Map.Entry<StreamEntryID, List<StreamEntry>> claimed = c.xautoclaim(stream, GROUP, consumer, idle.toMillis(),
                    new StreamEntryID(0, 0), XAutoClaimParams.xAutoClaimParams().count(1));
            if (claimed == null || claimed.getValue() == null || claimed.getValue().isEmpty()) {
                return null;
            }
            StreamEntry m = claimed.getValue().get(0);
            if (m == null) {
                return null;
            }
            return new Delivery(m.getFields() == null ? null : m.getFields().get("job"), m.getID().toString(), true);
        });
    }

    @Override
    public void heartbeat(Delivery d) {
        // XCLAIM by the owner with min-idle 0 resets the entry's idle time: the claim is renewed.
        redis.call(c -> c.xclaimJustId(stream, GROUP, consumer, 0, XClaimParams.xClaimParams(), new StreamEntryID(d.entry())));
    }

    @Override
    public void ack(Delivery d) {
        StreamEntryID entry = new StreamEntryID(d.entry());
        redis.call(c -> {
            c.xack(stream, GROUP, entry);
            return c.xdel(stream, entry);
        });
    }

    private void ensureGroup() {
        if (groupReady) {
            return;
        }
        try {
            redis.call(c -> c.xgroupCreate(stream, GROUP, new StreamEntryID(0, 0), true));
        } catch (JedisDataException e) {
            // BUSYGROUP: another replica made it.
            if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
                throw e;
            }
        }
        groupReady = true;
    }

    @Override
    public boolean available() {
        return redis.ping();
    }

    @Override
    public String describe() {
        return "redis " + redis.address();
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (RuntimeException e) {
                // a broken connection: closed anyway
            }
            reader = null;
        }
    }

    @Override
    public void close() {
        closeReader();
        redis.close();
    }
}
