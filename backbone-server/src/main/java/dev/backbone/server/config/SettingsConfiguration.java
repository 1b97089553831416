package dev.backbone.server.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/** Exposes the {@link Settings} read at start-up as a bean. */
@Configuration(proxyBeanMethods = false)
public class SettingsConfiguration {

    @Bean
    Settings settings(ConfigurableEnvironment environment) {
        return BackboneEnvironmentPostProcessor.settings(environment);
    }
}
