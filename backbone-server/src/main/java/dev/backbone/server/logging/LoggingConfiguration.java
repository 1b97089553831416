package dev.backbone.server.logging;

import dev.backbone.server.config.Settings;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The access line of every request ({@link AccessLogFilter}), inside the request-id and tracing filters. */
@Configuration(proxyBeanMethods = false)
public class LoggingConfiguration {

    public static final int ACCESS_LOG_ORDER = Integer.MIN_VALUE + 4;

    @Bean
    FilterRegistrationBean<AccessLogFilter> accessLogFilter(Settings settings) {
        FilterRegistrationBean<AccessLogFilter> r = new FilterRegistrationBean<>(new AccessLogFilter(settings.logging().healthRequests()));
        r.setOrder(ACCESS_LOG_ORDER);
        r.addUrlPatterns("/*");
        return r;
    }
}
