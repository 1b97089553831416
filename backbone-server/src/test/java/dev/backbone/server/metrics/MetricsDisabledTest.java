package dev.backbone.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.ServerTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/** ENABLE_METRICS=false removes /metrics and everything that records. */
@ServerTest
@TestPropertySource(properties = "ENABLE_METRICS=false")
class MetricsDisabledTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void metricsIs404AndNothingRecords() {
        Http http = new Http(port);
        assertThat(http.post("/api/v1/validate", Examples.request("blog_schema.json")).statusCode()).isEqualTo(200);
        HttpResponse<String> r = http.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(Json.parse(r.body()).get("error").asString()).isEqualTo("Not found");
        assertThat(context.getBeanNamesForType(io.micrometer.core.instrument.MeterRegistry.class)).isEmpty();
        assertThat(context.getBean(RateLimitEvents.class)).isSameAs(RateLimitEvents.NONE);
        assertThat(Json.parse(http.get("/api/v1/status").body()).get("metrics_enabled").asBoolean()).isFalse();
        assertThat(http.get("/health/readiness").statusCode()).isEqualTo(200);
    }
}
