package dev.backbone.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Http;
import dev.backbone.server.support.ServerTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The default configuration: security headers on, no HSTS outside production, no CORS grants. */
@ServerTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    private static void secured(HttpResponse<String> r, String policy) {
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(policy);
        assertThat(r.headers().firstValue("Strict-Transport-Security")).as("development: no HSTS").isEmpty();
    }

    @Test
    void everyResponseCarriesThem() {
        Http http = new Http(port);
        secured(http.get("/health"), SecurityHeadersFilter.API_POLICY);
        secured(http.get("/metrics"), SecurityHeadersFilter.API_POLICY);
        secured(http.get("/api/v1/status"), SecurityHeadersFilter.API_POLICY);
        secured(http.get("/no/such/route"), SecurityHeadersFilter.API_POLICY);
        secured(http.post("/api/v1/validate", "{"), SecurityHeadersFilter.API_POLICY);
        secured(http.get("/test/boom"), SecurityHeadersFilter.API_POLICY);
        secured(http.get("/docs"), SecurityHeadersFilter.DOCS_POLICY);
        secured(http.get("/swagger-ui/index.html"), SecurityHeadersFilter.DOCS_POLICY);
    }

    @Test
    void theDocsPageNeedsNothingTheDocsPolicyForbids() {
        Http http = new Http(port);
        String page = http.get("/swagger-ui/index.html").body();
        // script-src 'self': every script is a file of this origin, none inline.
        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(page);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).contains("src=\"./");
            assertThat(scripts.group(2)).isBlank();
        }
        assertThat(count).isPositive();
        assertThat(page).doesNotContainPattern("(?i)\\son[a-z]+=").doesNotContain("http://", "https://");
        for (String asset : new String[] {"/swagger-ui/swagger-ui-bundle.js", "/swagger-ui/swagger-initializer.js",
            "/swagger-ui/swagger-ui.css", "/openapi.json"}) {
            assertThat(http.get(asset).statusCode()).as(asset).isEqualTo(200);
        }
    }

    @Test
    void withoutCorsOriginsNoOriginIsGranted() {
        HttpResponse<String> r = new Http(port).send("OPTIONS", "/api/v1/validate", HttpRequest.BodyPublishers.noBody(),
                "Origin", "http://localhost:3000", "Access-Control-Request-Method", "POST");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> get = new Http(port).get("/api/v1/status", "Origin", "http://localhost:3000");
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
