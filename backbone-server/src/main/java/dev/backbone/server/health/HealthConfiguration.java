package dev.backbone.server.health;

import dev.backbone.agents.Agents;
import dev.backbone.server.config.Settings;
import dev.backbone.server.lifecycle.ServerState;
import dev.backbone.server.tracing.TracingService;
import dev.backbone.server.workflow.WorkflowService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Readiness evaluation (with any extra {@link HealthCheck} beans) and the detailed diagnostics. */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    @Bean(destroyMethod = "close")
    HealthService healthService(Settings settings, ServerState state, Agents agents, ObjectProvider<HealthCheck> checks,
            ObjectProvider<HealthObserver> observers) {
        return new HealthService(settings, state, agents, checks.orderedStream().toList(), observers.orderedStream().toList());
    }

    @Bean
    Diagnostics diagnostics(Settings settings, ServerState state, WorkflowService workflows, TracingService tracing) {
        return new Diagnostics(settings, state, workflows, tracing);
    }
}
