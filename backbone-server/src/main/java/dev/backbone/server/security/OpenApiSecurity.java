package dev.backbone.server.security;

import dev.backbone.server.config.Settings;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document says what the guard enforces: the credential schemes (so Swagger UI's
 * "Authorize" button works at {@code /docs}), which operations need them, and their 401, 403
 * and 429 answers.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSecurity {

    static final String API_KEY = "ApiKey";
    static final String BEARER = "BearerJWT";

    @Bean
    OpenApiCustomizer securitySchemes(Settings settings) {
        Settings.Security s = settings.security();
        return api -> {
            if (!s.enableAuth()) {
                return;
            }
            Components c = api.getComponents() == null ? new Components() : api.getComponents();
            if (s.apiKey().isSet()) {
                c.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER).name(Authenticator.API_KEY_HEADER));
            }
            if (s.jwtSecretKey().isSet()) {
                c.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("A JWT signed with " + s.jwtAlgorithm()
                                + ", with exp and the scope the route needs (scope or scopes claim)"));
            }
            api.components(c);
        };
    }

    @Bean
    OperationCustomizer guardedOperations(Settings settings) {
        Settings.Security s = settings.security();
        return (operation, method) -> {
            if (!guarded(method)) {
                return operation;
            }
            Guard g = method.getMethodAnnotation(Guard.class);
            boolean open = g != null && g.open();
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            if (s.enableAuth() && !open) {
                if (s.apiKey().isSet()) {
                    operation.addSecurityItem(new SecurityRequirement().addList(API_KEY));
                }
                if (s.jwtSecretKey().isSet()) {
                    operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                }
                responses.addApiResponse("401", new ApiResponse().description(
                        "no credential, or an invalid or expired one (WWW-Authenticate says which schemes)"));
                if (g != null && !g.scope().isEmpty()) {
                    responses.addApiResponse("403", new ApiResponse().description(
                            "the token lacks the scope '" + g.scope() + "'"));
                }
            }
            if (s.enableRateLimiting()) {
                responses.addApiResponse("429", new ApiResponse().description(
                        "a rate limit is used up: {error, message, retry_after}, Retry-After header"));
            }
            operation.setResponses(responses);
            return operation;
        };
    }

    private static boolean guarded(HandlerMethod method) {
        RequestMapping m = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class);
        return m != null && Stream.concat(Arrays.stream(m.path()), Arrays.stream(m.value()))
                .anyMatch(p -> p.startsWith("/api/v1/"));
    }
}
