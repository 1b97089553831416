package dev.backbone.server.redis;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * One Redis server as the service uses it: a pool of connections for short commands (the
 * rate-limit script, job records) and dedicated ones for blocking reads (the jobs stream).
 *
 * <p>Jedis, with blocking I/O on the calling thread: a command is a write and a read on the
 * request's own thread, where an asynchronous client hands every command to an I/O thread and
 * back, which costs the rate limiter several times its own work in thread wake-ups
 * (docs/performance.md, "Replicas").
 *
 * <p>Redis being down must never stall or fail a request, so commands fail fast instead of
 * waiting: every command and every connection attempt has {@code REDIS_TIMEOUT}, and after a
 * connection failure (refused, reset, timed out) the idle connections are dropped and, for one
 * second, commands fail at once without touching the network; then one command tries again. The
 * service starts even when Redis is down and picks it up when it answers.
 */
public final class RedisConnector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisConnector.class);
    private static final long RETRY_MILLIS = 1000;
    /**
     * Connections per pool at most: as many as Tomcat has request threads (200), so that a request
     * never waits for a connection; opened as needed, closed after a minute unused.
     */
    static final int POOL_SIZE = 200;

    private final HostAndPort address;
    private final JedisClientConfig config;
    private final int database;
    private final String keyPrefix;
    private final Duration timeout;
    private final JedisPool pool;
    /** The rate limiter's connections: a command written at a request's start, its reply read at the end. */
    private final SendingPool sending;
    /** 0 while Redis answers; else when the next connection attempt may be made (epoch millis). */
    private final AtomicLong retryAt = new AtomicLong();
    /** Whether a command has succeeded since start-up or the last failure (for the log line). */
    private volatile boolean answered;

    /**
     * @param url {@code redis://[[user]:password@]host[:port][/db]}, or {@code rediss://} for TLS
     * @param keyPrefix the start of every key this service writes
     * @param timeout the timeout of every command and connection attempt
     */
    public RedisConnector(String url, String keyPrefix, Duration timeout) {
        URI uri = parse(url);
        this.address = JedisURIHelper.getHostAndPort(uri);
        this.database = JedisURIHelper.getDBIndex(uri);
        this.keyPrefix = keyPrefix;
        this.timeout = timeout;
        this.config = clientConfig(uri, timeout, timeout);
        JedisPoolConfig pc = new JedisPoolConfig();
        pc.setMaxTotal(POOL_SIZE);
        pc.setMaxIdle(POOL_SIZE);
        pc.setMaxWait(timeout);
        pc.setJmxEnabled(false);
        this.pool = new JedisPool(pc, address, config);
        this.sending = new SendingPool(address, config, POOL_SIZE, timeout);
    }

    /**
     * The URL as a {@link URI} with the default port filled in.
     *
     * @throws IllegalArgumentException when it is not a {@code redis://} or {@code rediss://} URL with a host
     */
    public static URI parse(String url) {
        URI u = URI.create(url.strip());
        if (!(JedisURIHelper.isRedisScheme(u) || JedisURIHelper.isRedisSSLScheme(u)) || u.getHost() == null) {
            throw new IllegalArgumentException("not a redis:// or rediss:// URL with a host");
        }
        if (u.getPort() < 0) {
            u = URI.create(u.getScheme() + "://" + (u.getRawUserInfo() == null ? "" : u.getRawUserInfo() + "@") + u.getHost()
                    + ":6379" + (u.getRawPath() == null ? "" : u.getRawPath()));
        }
        JedisURIHelper.getDBIndex(u);
        return u;
    }

    private static JedisClientConfig clientConfig(URI uri, Duration connect, Duration read) {
        DefaultJedisClientConfig.Builder b = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis(connect))
                .socketTimeoutMillis(millis(read))
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .database(JedisURIHelper.getDBIndex(uri))
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
        if (JedisURIHelper.isRedisSSLScheme(uri)) {
            SSLParameters p = new SSLParameters();
            // The server's certificate must name the host, as an HTTPS client checks it.
            p.setEndpointIdentificationAlgorithm("HTTPS");
            b.ssl(true).sslParameters(p);
        }
        return b.build();
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    /** Where Redis is, without the password (for logs and readiness). */
    public String address() {
        return address.getHost() + ":" + address.getPort() + "/" + database;
    }

    public String key(String suffix) {
        return keyPrefix + suffix;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Runs {@code command} on a pooled connection.
     *
     * @throws redis.clients.jedis.exceptions.JedisException when Redis cannot be reached now, does not
     *     answer within {@code REDIS_TIMEOUT}, or answers with an error
     */
    public <T> T call(Function<Jedis, T> command) {
        long due = reachable();
        T result;
        try (Jedis j = pool.getResource()) {
            result = command.apply(j);
        } catch (JedisConnectionException e) {
            unreachable(e);
            throw e;
        }
        reached(due);
        return result;
    }

    /**
     * Writes {@code command} to Redis on a pooled connection and returns without waiting for the
     * reply: the caller does other work meanwhile and then reads it with {@link Sent#reply()},
     * by when it has usually arrived, so the thread does not block for the round trip. The
     * connection stays the caller's until then.
     *
     * @throws redis.clients.jedis.exceptions.JedisException when Redis cannot be reached now
     */
    public Sent send(CommandArguments command) {
        long due = reachable();
        SendingPool.Wire wire = null;
        try {
            wire = sending.borrow();
            wire.push(command);
            return new Sent(wire, due);
        } catch (JedisConnectionException e) {
            if (wire != null) {
                wire.close();
            }
            unreachable(e);
            throw e;
        }
    }

    /** A command written by {@link #send}; its reply is read exactly once, which gives the connection back. */
    public final class Sent {
        private final SendingPool.Wire wire;
        private final long due;

        private Sent(SendingPool.Wire wire, long due) {
            this.wire = wire;
            this.due = due;
        }

        /**
         * The reply, waiting for it up to {@code REDIS_TIMEOUT} if it has not arrived yet.
         *
         * @throws redis.clients.jedis.exceptions.JedisException when Redis did not answer in time, or answered an error
         */
        public Object reply() {
            try {
                Object r = wire.getOne();
                reached(due);
                return r;
            } catch (JedisConnectionException e) {
                unreachable(e);
                throw e;
            } finally {
                wire.close();
            }
        }
    }

    /** {@code 0}, or the retry time that let this command through; fails fast within a second of a connection failure. */
    private long reachable() {
        long due = retryAt.get();
        if (due != 0) {
            long now = System.currentTimeMillis();
            if (now < due || !retryAt.compareAndSet(due, now + RETRY_MILLIS)) {
                throw new JedisConnectionException("Redis at " + address() + " is unreachable (next connection attempt within 1 s)");
            }
        }
        return due;
    }

    private void reached(long due) {
        if (due != 0 || !answered) {
            retryAt.set(0);
            answered = true;
            log.info("Connected to Redis at {}", address());
        }
    }

    /** After a connection failure: the idle connections are likely broken too, and the next second fails fast. */
    private void unreachable(JedisConnectionException e) {
        answered = false;
        if (retryAt.getAndSet(System.currentTimeMillis() + RETRY_MILLIS) == 0) {
            log.warn("Redis at {} is unreachable: {}", address(), rootMessage(e));
        }
        pool.clear();
        sending.clear();
    }

    /**
     * A connection of its own for blocking commands, with a read timeout of {@code blockFor} plus
     * {@code REDIS_TIMEOUT} so that a blocking read is not cut short. The caller closes it.
     *
     * @throws JedisConnectionException when Redis cannot be reached
     */
    public Jedis dedicated(Duration blockFor) {
        Jedis j = new Jedis(address, DefaultJedisClientConfig.builder().from(config)
                .socketTimeoutMillis(millis(blockFor.plus(timeout))).build());
        j.connect();
        return j;
    }

    /** PING; whether Redis answered. */
    public boolean ping() {
        try {
            return "PONG".equals(call(Jedis::ping));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The innermost message of an exception (the outer ones repeat it with less detail). */
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
        pool.close();
        sending.close();
    }
}
