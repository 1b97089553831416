package dev.backbone.server.redis;

import java.time.Duration;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionFactory;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisSocketFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisSocketFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;

/**
 * Pooled connections that write a command now and read its reply later (the rate limiter's
 * script, sent at a request's start and read at its end: {@link RedisConnector#send}).
 *
 * <p>Jedis writes commands into a buffer and flushes it only when it reads the reply (or syncs
 * a pipeline); its {@code flush} is protected. {@link Wire} is a {@link Connection} that exposes
 * it, and this pool makes {@code Wire}s with Jedis's own factory, pool and socket code.
 */
final class SendingPool implements AutoCloseable {

    /** A connection whose command can be flushed to Redis without waiting for the reply. */
    static final class Wire extends Connection {
        Wire(JedisSocketFactory sockets, JedisClientConfig config) {
            super(sockets, config);
        }

        /** Writes {@code command} and flushes it; the reply is read by {@link #getOne()}. */
        void push(CommandArguments command) {
            sendCommand(command);
            flush();
        }
    }

    private final ConnectionPool pool;

    SendingPool(HostAndPort address, JedisClientConfig config, int size, Duration maxWait) {
        JedisSocketFactory sockets = new DefaultJedisSocketFactory(address, config);
        ConnectionFactory factory = new ConnectionFactory(sockets, config) {
            @Override
            public PooledObject<Connection> makeObject() {
                return new DefaultPooledObject<>(new Wire(sockets, config));
            }
        };
        ConnectionPoolConfig pc = new ConnectionPoolConfig();
        pc.setMaxTotal(size);
        pc.setMaxIdle(size);
        pc.setMaxWait(maxWait);
        pc.setJmxEnabled(false);
        // As JedisPoolConfig: idle connections are checked and closed after a minute unused.
        pc.setTestWhileIdle(true);
        pc.setMinEvictableIdleDuration(Duration.ofSeconds(60));
        pc.setTimeBetweenEvictionRuns(Duration.ofSeconds(30));
        pc.setNumTestsPerEvictionRun(-1);
        this.pool = new ConnectionPool(factory, pc);
    }

    /** A connection of the pool; {@link Connection#close()} gives it back (or drops it when broken). */
    Wire borrow() {
        return (Wire) pool.getResource();
    }

    /** Drops the idle connections (after a connection failure they are likely broken too). */
    void clear() {
        pool.clear();
    }

    @Override
    public void close() {
        pool.close();
    }
}
