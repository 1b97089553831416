package dev.backbone.server.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /metrics}: the Prometheus exposition, in the format the scraper asks for
 * (OpenMetrics for Prometheus, the classic text format for curl). Absent (404) with
 * {@code ENABLE_METRICS=false}.
 */
@RestController
@Tag(name = "Monitoring")
@ConditionalOnProperty(name = "backbone.metrics.enabled", havingValue = "true")
class MetricsController {

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/metrics")
    @Operation(summary = "Prometheus metrics", description = "Prometheus text format (OpenMetrics when the Accept header asks for it).")
    void metrics(@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
            throws IOException {
        String type = MetricsExposition.contentType(accept);
        response.setStatus(200);
        response.setContentType(type);
        registry.scrape(response.getOutputStream(), type);
    }

}
