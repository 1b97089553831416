package dev.backbone.server.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Redis server as the service uses it: a shared, thread-safe connection for short commands
 * (the rate-limit script, job records) and dedicated ones for blocking reads (the jobs stream).
 *
 * <p>Redis being down must never stall or fail a request, so commands fail fast instead of
 * queueing: every command has {@code REDIS_TIMEOUT}, a disconnected connection rejects commands
 * at once instead of buffering them, and while Redis is unreachable a new connection is tried
 * at most once a second (Lettuce reconnects an established one by itself). The service starts
 * even when Redis is down and picks it up when it answers.
 */
public final class RedisConnector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisConnector.class);
    private static final long RETRY_MILLIS = 1000;

    private final RedisClient client;
    private final RedisURI uri;
    private final String keyPrefix;
    private final Duration timeout;
    private final AtomicLong nextAttempt = new AtomicLong();
    private volatile StatefulRedisConnection<String, String> shared;

    /**
     * @param url {@code redis://[:password@]host[:port][/db]}
     * @param keyPrefix the start of every key this service writes
     * @param timeout the per-command timeout
     */
    public RedisConnector(String url, String keyPrefix, Duration timeout) {
        this.uri = RedisURI.create(url);
        this.uri.setTimeout(timeout);
        this.keyPrefix = keyPrefix;
        this.timeout = timeout;
        this.client = RedisClient.create();
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout.multipliedBy(4)).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
    }

    /** Where Redis is, without the password (for logs and readiness). */
    public String address() {
        return uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
    }

    public String key(String suffix) {
        return keyPrefix + suffix;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * The shared connection's commands.
     *
     * @throws RedisException when Redis cannot be reached now
     */
    public RedisCommands<String, String> sync() {
        StatefulRedisConnection<String, String> c = shared;
        if (c != null) {
            return c.sync();
        }
        return connectShared().sync();
    }

    private StatefulRedisConnection<String, String> connectShared() {
        long now = System.currentTimeMillis();
        long due = nextAttempt.get();
        if (now < due || !nextAttempt.compareAndSet(due, now + RETRY_MILLIS)) {
            throw new RedisException("Redis at " + address() + " is unreachable (next connection attempt within 1 s)");
        }
        synchronized (this) {
            if (shared == null) {
                try {
                    shared = client.connect(uri);
                    log.info("Connected to Redis at {}", address());
                } catch (RedisException e) {
                    log.warn("Redis at {} is unreachable: {}", address(), rootMessage(e));
                    throw e;
                }
            }
            return shared;
        }
    }

    /**
     * A connection of its own for blocking commands, with a command timeout of {@code blockFor} plus
     * {@code REDIS_TIMEOUT} so that a blocking read is not cut short. The caller closes it.
     */
    public StatefulRedisConnection<String, String> dedicated(Duration blockFor) {
        StatefulRedisConnection<String, String> c = client.connect(uri);
        c.setTimeout(blockFor.plus(timeout));
        return c;
    }

    /** PING over the shared connection; the round trip's answer or the reason it failed. */
    public boolean ping() {
        try {
            return "PONG".equals(sync().ping());
        } catch (RedisException e) {
            return false;
        }
    }

    /** The innermost message of a Lettuce exception (the outer ones repeat it with less detail). */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> c = shared;
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
