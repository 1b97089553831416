package dev.backbone.server.lifecycle;

import dev.backbone.server.config.Settings;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shutdown state, in-flight tracking and the drain. */
@Configuration(proxyBeanMethods = false)
public class LifecycleConfiguration {

    @Bean
    ServerState serverState() {
        return new ServerState();
    }

    @Bean
    Cancellation cancellation() {
        return new Cancellation();
    }

    @Bean
    InFlightRequests inFlightRequests(Cancellation cancellation) {
        return new InFlightRequests(cancellation);
    }

    @Bean
    FilterRegistrationBean<InFlightRequests> inFlightRequestsFilter(InFlightRequests filter) {
        FilterRegistrationBean<InFlightRequests> r = new FilterRegistrationBean<>(filter);
        r.setOrder(Integer.MIN_VALUE + 10);
        r.addUrlPatterns("/*");
        return r;
    }

    @Bean
    GracefulDrain gracefulDrain(ServerState state, InFlightRequests inFlight, Settings settings) {
        return new GracefulDrain(state, inFlight, settings);
    }
}
