package dev.backbone.server.jobs;

import dev.backbone.server.redis.RedisConnector;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    private StatefulRedisConnection<String, String> reader;
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
        RedisCommands<String, String> c = redis.sync();
        c.hset(jobKey(id), fields);
        c.pexpire(jobKey(id), openTtl.toMillis());
        c.psetex(bodyKey(id), openTtl.toMillis(), body);
        c.xadd(stream, Map.of("job", id));
    }

    @Override
    public Optional<Job> find(String id) {
        Map<String, String> f = redis.sync().hgetall(jobKey(id));
        return f == null || f.isEmpty() || !f.containsKey("state") ? Optional.empty() : Optional.of(new Job(id, f));
    }

    @Override
    public Optional<String> body(String id) {
        return Optional.ofNullable(redis.sync().get(bodyKey(id)));
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
        Long n = redis.sync().eval(UPDATE, ScriptOutputType.INTEGER, new String[] {jobKey(id), bodyKey(id)},
                args.toArray(String[]::new));
        return n != null && n == 1L;
    }

    @Override
    public long queued() {
        RedisCommands<String, String> c = redis.sync();
        ensureGroup(c);
        long len = c.xlen(stream);
        long pending = c.xpending(stream, GROUP).getCount();
        return Math.max(0, len - pending);
    }

    @Override
    public Delivery next(Duration wait) throws InterruptedException {
        try {
            ensureGroup(redis.sync());
            if (reader == null || !reader.isOpen()) {
                reader = redis.dedicated(wait);
            }
            List<StreamMessage<String, String>> got = reader.sync().xreadgroup(Consumer.from(GROUP, consumer),
                    XReadArgs.Builder.block(wait).count(1), XReadArgs.StreamOffset.lastConsumed(stream));
            if (got == null || got.isEmpty()) {
                return null;
            }
            StreamMessage<String, String> m = got.get(0);
            return new Delivery(m.getBody().get("job"), m.getId(), false);
        } catch (RedisCommandExecutionException e) {
            if (String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
                groupReady = false;
            }
            throw e;
        }
    }

    @Override
    public Delivery reclaim(Duration idle) {
        RedisCommands<String, String> c = redis.sync();
        ensureGroup(c);
        ClaimedMessages<String, String> claimed = c.xautoclaim(stream,
                XAutoClaimArgs.Builder.xautoclaim(Consumer.from(GROUP, consumer), idle, "0-0").count(1));
        if (claimed == null || claimed.getMessages().isEmpty()) {
            return null;
        }
        StreamMessage<String, String> m = claimed.getMessages().get(0);
        return new Delivery(m.getBody() == null ? null : m.getBody().get("job"), m.getId(), true);
    }

    @Override
    public void heartbeat(Delivery d) {
        // XCLAIM by the owner with min-idle 0 resets the entry's idle time: the claim is renewed.
        redis.sync().xclaim(stream, Consumer.from(GROUP, consumer), XClaimArgs.Builder.minIdleTime(0).justid(), d.entry());
    }

    @Override
    public void ack(Delivery d) {
        RedisCommands<String, String> c = redis.sync();
        c.xack(stream, GROUP, d.entry());
        c.xdel(stream, d.entry());
    }

    private void ensureGroup(RedisCommands<String, String> c) {
        if (groupReady) {
            return;
        }
        try {
            c.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), GROUP, XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException e) {
            // BUSYGROUP: another replica made it.
        } catch (RedisCommandExecutionException e) {
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

    @Override
    public void close() {
        try {
            if (reader != null) {
                reader.close();
            }
        } catch (RedisException e) {
            // closing anyway
        }
        redis.close();
    }
}
