package dev.backbone.server.llm;

import dev.backbone.agents.Agents;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.server.config.Settings;
import dev.backbone.server.tracing.LlmSpanListener;
import dev.backbone.server.tracing.TracingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Agents} of the service (schema designer and reviewer), built from the LLM
 * configuration the settings resolved at start-up, so every bad LLM value has already stopped
 * start-up with the other bad variables. Building makes no network call; with no key the agents
 * exist and answer "not configured". Drafts are validated under the service's input limits; each
 * LLM request becomes a span when tracing is on.
 */
@Configuration(proxyBeanMethods = false)
public class AgentsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AgentsConfiguration.class);

    @Bean
    Agents agents(Settings settings, TracingService tracing) {
        Agents agents = Agents.of(settings.llm().resolved(), new Workflow(), settings.input().toLimits(),
                LlmSpanListener.listeners(tracing));
        log.debug("LLM agents: designer {}, reviewer {}", agents.designer().config(), agents.reviewer().config());
        return agents;
    }
}
