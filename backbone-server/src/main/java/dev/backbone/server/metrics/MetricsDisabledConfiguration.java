package dev.backbone.server.metrics;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With {@code ENABLE_METRICS=false}: the rate-limit hook still exists, and records nothing. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "backbone.metrics.enabled", havingValue = "false")
public class MetricsDisabledConfiguration {

    @Bean
    RateLimitEvents rateLimitEvents() {
        return RateLimitEvents.NONE;
    }
}
