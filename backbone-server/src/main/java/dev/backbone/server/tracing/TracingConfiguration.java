package dev.backbone.server.tracing;

import dev.backbone.server.config.BackboneEnvironmentPostProcessor;
import dev.backbone.server.config.Settings;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Tracing in the service: the {@link TracingService} always (its state is on
 * {@code /health/detailed} and in {@code backbone_tracing_spans_*}), and only when an exporter
 * is configured the root-span filter and the workflow-to-span listener, so that tracing off
 * adds nothing to a request. Spans still queued are exported when the service stops.
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    /** After the request id (whose id the root span carries), before the access line (which carries the trace id). */
    public static final int FILTER_ORDER = Integer.MIN_VALUE + 2;

    private static final Logger log = LoggerFactory.getLogger(TracingConfiguration.class);

    @Bean(destroyMethod = "")
    TracingService tracingService(Settings settings) {
        Settings.Tracing t = settings.tracing();
        if (t.enabled() && !t.apiKey().isSet()) {
            log.warn("LANGCHAIN_TRACING_V2=true but LANGCHAIN_API_KEY is not set: nothing is sent to LangSmith");
        }
        TracingService tracing = TracingService.start(t, "backbone-ai", settings.app().version(), settings.app().environment());
        if (tracing.enabled()) {
            log.info("Tracing on: spans go to {}", tracing.status().get("destinations"));
        }
        return tracing;
    }

    /** Flushes and stops the SDK last, after the web server has drained. */
    @Bean
    TracingShutdown tracingShutdown(TracingService tracing) {
        return new TracingShutdown(tracing);
    }

    /** Closes the tracing SDK when the context closes. */
    static final class TracingShutdown implements AutoCloseable {
        private final TracingService tracing;

        TracingShutdown(TracingService tracing) {
            this.tracing = tracing;
        }

        @Override
        public void close() {
            tracing.flush(Duration.ofSeconds(5));
            tracing.close();
        }
    }

    @Bean
    @Conditional(TracingOn.class)
    FilterRegistrationBean<TracingFilter> tracingFilter(TracingService tracing) {
        FilterRegistrationBean<TracingFilter> r = new FilterRegistrationBean<>(new TracingFilter(tracing));
        r.setOrder(FILTER_ORDER);
        r.addUrlPatterns("/*");
        return r;
    }

    @Bean
    @Conditional(TracingOn.class)
    TracingWorkflowListener tracingWorkflowListener(TracingService tracing) {
        return new TracingWorkflowListener(tracing);
    }

    /** {@code backbone_tracing_spans_exported_total} and {@code backbone_tracing_spans_dropped_total}, when metrics are on. */
    @Bean
    Object tracingMetrics(TracingService tracing, ObjectProvider<MeterRegistry> registries) {
        registries.ifAvailable(r -> {
            FunctionCounter.builder("backbone_tracing_spans_exported", tracing, t -> t.stats().exported())
                    .description("Spans delivered to a tracing backend").register(r);
            FunctionCounter.builder("backbone_tracing_spans_dropped", tracing, t -> t.stats().dropped())
                    .description("Spans that never reached their tracing backend (export failed or queue full)").register(r);
        });
        return new Object();
    }

    /** Tracing has an exporter: {@link Settings.Tracing#on()}. */
    static final class TracingOn implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getEnvironment() instanceof ConfigurableEnvironment env
                    && BackboneEnvironmentPostProcessor.settings(env).tracing().on();
        }
    }
}
