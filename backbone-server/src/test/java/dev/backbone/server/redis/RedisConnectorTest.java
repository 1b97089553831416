package dev.backbone.server.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backbone.server.support.TestRedis;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The connector against real redis-servers: URLs as the settings document them, a password that
 * never shows, and an outage that costs a request no waiting (fail fast within the second after
 * a failure) and that ends as soon as Redis is back, however many pooled connections it broke.
 */
class RedisConnectorTest {

    @TempDir
    Path work;

    @Test
    void urlsAsDocumented() {
        URI plain = RedisConnector.parse("redis://cache");
        assertThat(plain.getPort()).isEqualTo(6379);
        URI full = RedisConnector.parse(" redis://:s%40cret@cache:6380/2 ");
        assertThat(full.getHost()).isEqualTo("cache");
        assertThat(full.getPort()).isEqualTo(6380);
        assertThat(full.getUserInfo()).isEqualTo(":s@cret");
        assertThat(full.getPath()).isEqualTo("/2");
        assertThat(RedisConnector.parse("rediss://user:pw@cache/1").getPort()).isEqualTo(6379);
        for (String bad : List.of("http://cache", "redis://", "redis:///0", "redis://cache/x", "redis://ca che")) {
            assertThatThrownBy(() -> RedisConnector.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void commandsOnTheSharedRedis() {
        String prefix = TestRedis.uniquePrefix("connector");
        try (RedisConnector redis = new RedisConnector(TestRedis.sharedUrl(), prefix, Duration.ofSeconds(2))) {
            assertThat(redis.ping()).isTrue();
            assertThat(redis.key("x")).isEqualTo(prefix + "x");
            redis.call(j -> j.psetex(redis.key("x"), 10_000, "1"));
            assertThat(redis.<String>call(j -> j.get(redis.key("x")))).isEqualTo("1");
            try (Jedis blocking = redis.dedicated(Duration.ofMillis(200))) {
                assertThat(blocking.get(redis.key("x"))).isEqualTo("1");
            }
        }
    }

    @Test
    void aPasswordWorksAndNeverShows() throws Exception {
        try (TestRedis.Throwaway server = TestRedis.Throwaway.start(work.resolve("auth"), "--requirepass", "s3cret-pw");
                RedisConnector good = new RedisConnector("redis://:s3cret-pw@127.0.0.1:" + server.port + "/1", "t:",
                        Duration.ofSeconds(2));
                RedisConnector bad = new RedisConnector("redis://:wrong-pw@127.0.0.1:" + server.port, "t:",
                        Duration.ofSeconds(2))) {
            assertThat(good.ping()).isTrue();
            assertThat(good.address()).isEqualTo("127.0.0.1:" + server.port + "/1").doesNotContain("s3cret");
            assertThat(bad.ping()).isFalse();
            assertThatThrownBy(() -> bad.call(Jedis::ping)).isInstanceOf(JedisException.class)
                    .satisfies(e -> assertThat(RedisConnector.rootMessage(e)).doesNotContain("wrong-pw"));
        }
    }

    @Test
    void anOutageFailsFastAndEndsWhenRedisIsBack() throws Exception {
        try (TestRedis.Throwaway server = TestRedis.Throwaway.start(work.resolve("outage"));
                RedisConnector redis = new RedisConnector(server.url(), "t:", Duration.ofMillis(500))) {
            fillPool(redis, 8);
            server.stop();

            assertThatThrownBy(() -> redis.call(Jedis::ping)).isInstanceOf(JedisConnectionException.class);
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> redis.call(Jedis::ping)).isInstanceOf(JedisConnectionException.class)
                    .hasMessageContaining("next connection attempt within 1 s");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("no network while failing fast")
                    .isLessThan(Duration.ofMillis(100));
            assertThat(redis.ping()).isFalse();

            server.restart();
            Thread.sleep(1100);
            // The first command after the pause finds a fresh connection: the broken idle ones were dropped.
            assertThat(redis.<String>call(Jedis::ping)).isEqualTo("PONG");
            assertThat(redis.ping()).isTrue();
        }
    }

    /** Opens {@code n} pooled connections at once, so that an outage finds that many idle ones. */
    private static void fillPool(RedisConnector redis, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> redis.call(j -> {
                    String pong = j.ping();
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return pong;
                })));
            }
            for (Future<String> f : answers) {
                assertThat(f.get()).isEqualTo("PONG");
            }
        } finally {
            pool.shutdown();
        }
    }
}
