package dev.backbone.server.api;

import dev.backbone.server.config.Settings;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The request intake and the OpenAPI document's title. */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

    @Bean
    SchemaIntake schemaIntake(Settings settings) {
        return new SchemaIntake(settings);
    }

    /** See {@link ClientGoneValve}. */
    @Bean
    org.springframework.boot.tomcat.TomcatContextCustomizer clientGoneValve() {
        return context -> context.getPipeline().addValve(new ClientGoneValve());
    }

    @Bean
    OpenAPI openApi(Settings settings) {
        return new OpenAPI().info(new Info()
                .title(settings.app().name())
                .version(settings.app().version())
                .description("Turns a JSON description of tables into SQLAlchemy 2.0 models and SQL DDL. "
                        + "Health probes, Prometheus metrics at /metrics, request ids in X-Request-ID."));
    }
}
