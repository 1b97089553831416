package dev.backbone.server.ratelimit;

import dev.backbone.server.config.Settings;
import dev.backbone.server.health.HealthCheck;
import dev.backbone.server.metrics.RateLimitEvents;
import dev.backbone.server.redis.RedisConnector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rate limiter: in memory, or shared through Redis when {@code RATE_LIMIT_REDIS_URL} (or
 * {@code REDIS_URL}) is set; and its readiness component. Absent with {@code ENABLE_RATE_LIMITING=false}.
 */
@Configuration(proxyBeanMethods = false)
public class SharedRateLimitConfiguration {

    /** The limiter's own Redis connection (it may be another server than the jobs'); null without a URL. */
    static final class LimiterRedis {
        final RedisConnector connector;

        LimiterRedis(RedisConnector connector) {
            this.connector = connector;
        }

        void close() {
            if (connector != null) {
                connector.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    LimiterRedis limiterRedis(Settings settings) {
        var s = settings.scaleOut();
        boolean shared = settings.security().enableRateLimiting() && s.rateLimitRedis().isSet();
        return new LimiterRedis(shared ? new RedisConnector(s.rateLimitRedis().value(), s.keyPrefix(), s.redisTimeout()) : null);
    }

    @Bean
    SharedLimitHealth sharedLimitHealth(ObjectProvider<MeterRegistry> registry) {
        return new SharedLimitHealth(registry.getIfAvailable(CompositeMeterRegistry::new));
    }

    /** Null (no bean) with {@code ENABLE_RATE_LIMITING=false}. */
    @Bean
    RateLimiter rateLimiter(Settings settings, RateLimitEvents events, LimiterRedis redis, SharedLimitHealth health) {
        if (!settings.security().enableRateLimiting()) {
            return null;
        }
        SharedWindows shared = redis.connector == null ? null : new SharedWindows(redis.connector);
        return new RateLimiter(settings.security().rateLimits(), events, System::currentTimeMillis, shared,
                settings.scaleOut().failOpen(), health);
    }

    @Bean
    HealthCheck rateLimiterHealthCheck(Settings settings, LimiterRedis redis, SharedLimitHealth health) {
        return settings.security().enableRateLimiting()
                ? new RateLimiterHealthCheck(redis.connector, health, settings.scaleOut().failOpen())
                : new DisabledCheck();
    }

    /** With rate limiting off the component says so, so an operator sees it in readiness. */
    private static final class DisabledCheck implements HealthCheck {
        @Override
        public String name() {
            return "rate_limiter";
        }

        @Override
        public Result check() {
            return new Result(dev.backbone.server.health.HealthStatus.HEALTHY, "Rate limiting is off (ENABLE_RATE_LIMITING=false)",
                    java.util.Map.of("backend", "none"));
        }
    }
}
