package dev.backbone.server.requestid;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the request-id filter first of all, for requests and error dispatches. */
@Configuration(proxyBeanMethods = false)
public class RequestIdConfiguration {

    public static final int FILTER_ORDER = Integer.MIN_VALUE;

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> r = new FilterRegistrationBean<>(new RequestIdFilter());
        r.setOrder(FILTER_ORDER);
        r.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        r.addUrlPatterns("/*");
        return r;
    }
}
