package dev.backbone.server.metrics;

import dev.backbone.server.config.Settings;
import dev.backbone.server.health.HealthObserver;
import dev.backbone.server.workflow.WorkflowService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Prometheus registry and everything that records into it: JVM and process binders, the
 * HTTP filter, the workflow listener, the health and rate-limit families, the active-workflows
 * gauge, and the optional {@code METRICS_PORT} listener. None of it exists with
 * {@code ENABLE_METRICS=false}, so that setting also removes the recording cost.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "backbone.metrics.enabled", havingValue = "true")
public class MetricsConfiguration {

    /** Filter order: after the request-id filter, so the id is set, and around everything else. */
    public static final int FILTER_ORDER = Integer.MIN_VALUE + 20;

    @Bean(destroyMethod = "close")
    PrometheusMeterRegistry prometheusMeterRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new ProcessMemoryMetrics().bindTo(registry);
        return registry;
    }

    @Bean(destroyMethod = "close")
    JvmGcMetrics jvmGcMetrics(PrometheusMeterRegistry registry) {
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        return gc;
    }

    @Bean
    MetricsWorkflowListener metricsWorkflowListener(PrometheusMeterRegistry registry, Settings settings) {
        MetricsWorkflowListener listener = new MetricsWorkflowListener(registry);
        listener.registerKnownSeries(llmSeries(settings));
        return listener;
    }

    /** The default provider's model and every agent override: their LLM series exist at zero from the start. */
    static List<MetricsWorkflowListener.LlmSeries> llmSeries(Settings settings) {
        Set<MetricsWorkflowListener.LlmSeries> out = new LinkedHashSet<>();
        Settings.Provider def = settings.llm().defaultSettings();
        out.add(new MetricsWorkflowListener.LlmSeries(def.provider().wire(), def.model()));
        for (Settings.Agent a : settings.llm().agents().values()) {
            out.add(new MetricsWorkflowListener.LlmSeries(a.provider().wire(), a.model()));
        }
        return new ArrayList<>(out);
    }

    @Bean
    FilterRegistrationBean<HttpMetricsFilter> httpMetricsFilter(PrometheusMeterRegistry registry) {
        FilterRegistrationBean<HttpMetricsFilter> r = new FilterRegistrationBean<>(new HttpMetricsFilter(registry));
        r.setOrder(FILTER_ORDER);
        r.addUrlPatterns("/*");
        return r;
    }

    @Bean
    HealthObserver healthStatusGauges(PrometheusMeterRegistry registry) {
        Map<String, AtomicReference<Double>> values = new ConcurrentHashMap<>();
        for (String c : List.of("llm", "config", "filesystem")) {
            gauge(registry, values, c);
        }
        return components -> components.forEach(c -> gauge(registry, values, c.name()).set(c.status().gaugeValue()));
    }

    private static AtomicReference<Double> gauge(MeterRegistry registry, Map<String, AtomicReference<Double>> values, String component) {
        return values.computeIfAbsent(component, c -> {
            AtomicReference<Double> v = new AtomicReference<>(Double.NaN);
            Gauge.builder(MetricNames.HEALTH_STATUS, v, AtomicReference::get)
                    .description("Component health: 1 healthy, 0.5 degraded, 0 unhealthy")
                    .tag("component", c).register(registry);
            return v;
        });
    }

    @Bean
    RateLimitEvents rateLimitEvents(PrometheusMeterRegistry registry) {
        Map<String, Counter> counters = new ConcurrentHashMap<>();
        for (String limit : RateLimitEvents.LIMITS) {
            counters.put(limit, Counter.builder(MetricNames.RATE_LIMIT_REJECTIONS)
                    .description("Requests refused by a rate limit").tag("limit", limit).register(registry));
        }
        Counter other = Counter.builder(MetricNames.RATE_LIMIT_REJECTIONS)
                .description("Requests refused by a rate limit").tag("limit", LabelValues.OTHER).register(registry);
        return limit -> counters.getOrDefault(limit, other).increment();
    }

    @Bean
    Gauge activeWorkflowsGauge(PrometheusMeterRegistry registry, WorkflowService workflows) {
        return Gauge.builder(MetricNames.ACTIVE_WORKFLOWS, workflows, WorkflowService::activeGenerations)
                .description("Generation workflows in progress").register(registry);
    }

    @Bean
    @ConditionalOnExpression("${backbone.metrics.port:0} > 0")
    MetricsPortServer metricsPortServer(PrometheusMeterRegistry registry, Settings settings) {
        return new MetricsPortServer(registry, settings);
    }
}
