package dev.backbone.server.workflow;

import dev.backbone.core.workflow.WorkflowListener;
import dev.backbone.server.config.Settings;
import dev.backbone.server.lifecycle.Cancellation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The workflow runner, fed every {@link WorkflowListener} bean (the metrics listener when enabled). */
@Configuration(proxyBeanMethods = false)
public class WorkflowConfiguration {

    @Bean
    WorkflowService workflowService(Settings settings, ObjectProvider<WorkflowListener> listeners, Cancellation cancellation) {
        return new WorkflowService(settings, listeners.orderedStream().toList(), cancellation);
    }
}
