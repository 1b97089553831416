package dev.backbone.server.api;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The OpenAPI document lives at {@code /openapi.json} (where the earlier BackBone, a FastAPI
 * app, had it); springdoc's default {@code /v3/api-docs} answers too. {@code /docs} is the
 * Swagger UI (springdoc redirects it to its page).
 */
@Controller
@Hidden
class DocsController {

    @GetMapping("/v3/api-docs")
    String springdocDefault() {
        return "forward:/openapi.json";
    }
}
