package dev.backbone.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Http;
import dev.backbone.server.support.ServerTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** {@code APP_ENV=production} adds HSTS. (The same properties as {@code HealthConfiguredTest}: one server for both.) */
@ServerTest
@TestPropertySource(properties = {"OPENAI_API_KEY=sk-test-0123456789abcdefghij", "APP_ENV=production"})
class ProductionHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void productionAddsStrictTransportSecurity() {
        HttpResponse<String> r = new Http(port).get("/health");
        assertThat(r.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000; includeSubDomains");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }
}
