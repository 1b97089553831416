package dev.backbone.server.security;

import dev.backbone.server.config.Settings;
import dev.backbone.server.ratelimit.RateLimiter;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The contract's security section: the {@code /api/v1} guard (authentication, scopes, rate
 * limits), CORS and the security headers. Filters sit after the request-id, in-flight and
 * metrics filters, so refusals carry an id and are counted.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The routes the guard covers; health, metrics, {@code /}, {@code /docs} and the OpenAPI document stay open. */
    public static final String GUARDED = "/api/v1/**";

    static final int HEADERS_FILTER_ORDER = Integer.MIN_VALUE + 30;
    static final int CORS_FILTER_ORDER = Integer.MIN_VALUE + 40;
    static final int SPECULATIVE_LIMIT_ORDER = Integer.MIN_VALUE + 50;

    /** Headers a browser client may send cross-origin, and those it may read. */
    static final List<String> ALLOWED_HEADERS = List.of("Content-Type", "Accept", "Authorization", Authenticator.API_KEY_HEADER,
            "X-Request-ID");
    static final List<String> EXPOSED_HEADERS = List.of("X-Request-ID", GuardResponses.LIMIT, GuardResponses.REMAINING,
            GuardResponses.RESET, "Retry-After", "WWW-Authenticate", "Content-Disposition");

    @Bean
    WebMvcConfigurer apiGuard(Settings settings, ObjectProvider<RateLimiter> limiters) {
        Settings.Security s = settings.security();
        Authenticator authenticator = s.credentialsConfigured() ? new Authenticator(settings, Clock.systemUTC()) : null;
        RateLimiter limiter = s.enableRateLimiting() ? limiters.getIfAvailable() : null;
        ApiGuard guard = new ApiGuard(settings, authenticator, limiter);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(guard).addPathPatterns(GUARDED);
            }
        };
    }

    /** Only with limits shared through Redis: in memory a decision costs well under a microsecond, nothing to hide. */
    @Bean
    FilterRegistrationBean<SpeculativeLimitFilter> speculativeLimitFilter(Settings settings, ObjectProvider<RateLimiter> limiters,
            ApplicationContext context) {
        FilterRegistrationBean<SpeculativeLimitFilter> r = new FilterRegistrationBean<>(new SpeculativeLimitFilter(
                () -> context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)));
        r.setOrder(SPECULATIVE_LIMIT_ORDER);
        r.addUrlPatterns("/api/v1/*");
        RateLimiter limiter = limiters.getIfAvailable();
        r.setEnabled(settings.security().enableRateLimiting() && limiter != null && limiter.shared());
        return r;
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(Settings settings) {
        FilterRegistrationBean<SecurityHeadersFilter> r = new FilterRegistrationBean<>(
                new SecurityHeadersFilter("production".equals(settings.app().environment())));
        r.setOrder(HEADERS_FILTER_ORDER);
        r.addUrlPatterns("/*");
        r.setEnabled(settings.security().enableSecurityHeaders());
        return r;
    }

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(Settings settings) {
        CorsConfiguration config = cors(settings.security());
        CorsConfigurationSource source;
        if (settings.security().corsOrigins().isEmpty()) {
            // No origin is listed: a preflight is refused (403, as documented); other requests get no grant,
            // so a browser keeps their answers from the page, and same-origin pages behind a proxy keep working.
            source = request -> CorsUtils.isPreFlightRequest(request) ? config : null;
        } else {
            UrlBasedCorsConfigurationSource urls = new UrlBasedCorsConfigurationSource();
            urls.registerCorsConfiguration("/**", config);
            source = urls;
        }
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new JsonCorsProcessor());
        FilterRegistrationBean<CorsFilter> r = new FilterRegistrationBean<>(filter);
        r.setOrder(CORS_FILTER_ORDER);
        r.addUrlPatterns("/*");
        return r;
    }

    static CorsConfiguration cors(Settings.Security s) {
        CorsConfiguration c = new CorsConfiguration();
        c.setAllowedOrigins(s.corsOrigins());
        c.setAllowCredentials(s.corsAllowCredentials());
        c.setAllowedMethods(List.of("GET", "HEAD", "POST", "OPTIONS"));
        c.setAllowedHeaders(ALLOWED_HEADERS);
        c.setExposedHeaders(EXPOSED_HEADERS);
        c.setMaxAge(600L);
        return c;
    }
}
