package dev.backbone.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backbone.server.config.Settings;
import dev.backbone.server.config.SettingsLoader;
import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.ServerTest;
import dev.backbone.server.support.Tokens;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Tokens minted by {@link JwtIssuer} (what {@code backbone-ai token} prints) are the ones a real server accepts. */
@ServerTest
@TestPropertySource(properties = {"ENABLE_AUTH=true", "API_KEY=" + AuthApiTest.KEY, "JWT_SECRET_KEY=" + Tokens.SECRET})
class JwtIssuerTest {

    private static final String BLOG = Examples.request("blog_schema.json");

    @LocalServerPort
    int port;

    private static Settings.Security security(Map<String, String> env) {
        return SettingsLoader.load(env::get, env.keySet(), Path.of("target/no-such.env")).security();
    }

    private static final Settings.Security CONFIGURED = security(Map.of("JWT_SECRET_KEY", " " + Tokens.SECRET + "\n",
            "JWT_EXPIRATION_HOURS", "12"));

    @Test
    void anIssuedTokenOpensTheRoutesOfItsScopesOnly() {
        String token = JwtIssuer.issue(CONFIGURED, "ci-bot", List.of("validate"), Duration.ofHours(2), Clock.systemUTC());
        Http http = new Http(port);
        assertThat(http.post("/api/v1/validate", BLOG, "Content-Type", "application/json", "Authorization", "Bearer " + token)
                .statusCode()).isEqualTo(200);
        assertThat(http.post("/api/v1/generate", BLOG, "Content-Type", "application/json", "Authorization", "Bearer " + token)
                .statusCode()).as("no generate scope").isEqualTo(403);
        String both = JwtIssuer.issue(CONFIGURED, "ci-bot", List.of("generate", "validate"), Duration.ofHours(1), Clock.systemUTC());
        assertThat(http.post("/api/v1/generate", BLOG, "Content-Type", "application/json", "Authorization", "Bearer " + both)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void theVerifierSeesTheSubjectScopesAndLifetime() {
        String token = JwtIssuer.issue(CONFIGURED, "alice", List.of("generate", "validate"), Duration.ofHours(12), Clock.systemUTC());
        Authentication a = new JwtVerifier(Tokens.SECRET, "HS256", 12, Clock.systemUTC()).verify(token);
        assertThat(a).isInstanceOf(Authentication.Authenticated.class);
        Principal p = ((Authentication.Authenticated) a).principal();
        assertThat(p.id()).isEqualTo("sub:alice");
        assertThat(p.has("generate")).isTrue();
        assertThat(p.has("validate")).isTrue();
        assertThat(token).doesNotContain(Tokens.SECRET);
    }

    @Test
    void refusesWhatTheServiceWouldRefuse() {
        assertThatThrownBy(() -> JwtIssuer.issue(CONFIGURED, "a", List.of("validate"), Duration.ofHours(13), Clock.systemUTC()))
                .hasMessageContaining("JWT_EXPIRATION_HOURS (12)");
        assertThatThrownBy(() -> JwtIssuer.issue(CONFIGURED, "a", List.of("admin"), Duration.ofHours(1), Clock.systemUTC()))
                .hasMessageContaining("unknown scope 'admin'");
        assertThatThrownBy(() -> JwtIssuer.issue(security(Map.of()), "a", List.of("validate"), Duration.ofHours(1), Clock.systemUTC()))
                .hasMessageContaining("JWT_SECRET_KEY is not set");
    }
}
