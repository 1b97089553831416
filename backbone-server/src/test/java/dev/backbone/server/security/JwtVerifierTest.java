package dev.backbone.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.backbone.server.support.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private final JwtVerifier verifier = new JwtVerifier(Tokens.SECRET, "HS256", 24, Clock.fixed(NOW, ZoneOffset.UTC));

    private Authentication verify(JWTClaimsSet claims) {
        return verifier.verify(Tokens.sign(Tokens.SECRET, JWSAlgorithm.HS256, claims));
    }

    private static String refusal(Authentication a) {
        assertThat(a).isInstanceOf(Authentication.Invalid.class);
        return ((Authentication.Invalid) a).message();
    }

    @Test
    void aValidTokenGivesItsSubjectAndScopes() {
        Authentication a = verify(Tokens.claims("alice", NOW, Duration.ofHours(1), "generate", "validate"));
        assertThat(a).isInstanceOf(Authentication.Authenticated.class);
        Principal p = ((Authentication.Authenticated) a).principal();
        assertThat(p.id()).isEqualTo("sub:alice");
        assertThat(p.kind()).isEqualTo("jwt");
        assertThat(p.has("generate")).isTrue();
        assertThat(p.has("validate")).isTrue();
        assertThat(p.has("admin")).isFalse();
    }

    @Test
    void scopesComeFromScopeOrScopesAsStringOrList() {
        JWTClaimsSet c = new JWTClaimsSet.Builder(Tokens.claims("bob", NOW, Duration.ofHours(1)))
                .claim("scopes", List.of("validate", "generate")).build();
        assertThat(JwtVerifier.scopes(c)).containsExactly("validate", "generate");
        c = new JWTClaimsSet.Builder(Tokens.claims("bob", NOW, Duration.ofHours(1))).claim("scope", "generate,validate").build();
        assertThat(JwtVerifier.scopes(c)).containsExactly("generate", "validate");
        assertThat(JwtVerifier.scopes(Tokens.claims("bob", NOW, Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void aTokenWithoutSubjectIsItsOwnClient() {
        JWTClaimsSet c = new JWTClaimsSet.Builder().expirationTime(Date.from(NOW.plusSeconds(60))).build();
        Principal p = ((Authentication.Authenticated) verify(c)).principal();
        assertThat(p.id()).startsWith("jwt:").hasSize(4 + 16);
    }

    @Test
    void expiredTokensAreRefusedAfterOneMinuteOfSkew() {
        assertThat(verify(Tokens.claims("a", NOW.minus(Duration.ofHours(2)), Duration.ofMinutes(60).plusSeconds(-30))))
                .isInstanceOf(Authentication.Invalid.class);
        assertThat(refusal(verify(Tokens.claims("a", NOW.minus(Duration.ofHours(2)), Duration.ofHours(1)))))
                .isEqualTo("the token expired at 2025-06-01T11:00:00Z");
        assertThat(verify(Tokens.claims("a", NOW.minus(Duration.ofHours(1)), Duration.ofHours(1).minusSeconds(30))))
                .as("expired 30 s ago: within the skew").isInstanceOf(Authentication.Authenticated.class);
    }

    @Test
    void aTokenMustExpireAndLiveNoLongerThanTheConfiguredHours() {
        JWTClaimsSet noExp = new JWTClaimsSet.Builder().subject("a").build();
        assertThat(refusal(verify(noExp))).contains("no exp claim");
        assertThat(refusal(verify(Tokens.claims("a", NOW, Duration.ofHours(25))))).contains("JWT_EXPIRATION_HOURS (24 h)");
        assertThat(verify(Tokens.claims("a", NOW, Duration.ofHours(24)))).isInstanceOf(Authentication.Authenticated.class);
        JWTClaimsSet noIat = new JWTClaimsSet.Builder().subject("a").expirationTime(Date.from(NOW.plus(Duration.ofDays(30)))).build();
        assertThat(refusal(verify(noIat))).contains("JWT_EXPIRATION_HOURS");
    }

    @Test
    void notBeforeIsHonoured() {
        JWTClaimsSet c = new JWTClaimsSet.Builder(Tokens.claims("a", NOW, Duration.ofHours(2)))
                .notBeforeTime(Date.from(NOW.plus(Duration.ofMinutes(10)))).build();
        assertThat(refusal(verify(c))).isEqualTo("the token is not valid before 2025-06-01T12:10:00Z");
    }

    @Test
    void theSignatureAndTheAlgorithmAreTheServersChoice() {
        JWTClaimsSet c = Tokens.claims("a", NOW, Duration.ofHours(1), "generate");
        assertThat(refusal(verifier.verify(Tokens.sign("another-secret-of-enough-length-0123456789", JWSAlgorithm.HS256, c))))
                .isEqualTo("the token's signature is not valid");
        String hs512 = Tokens.sign(Tokens.SECRET + Tokens.SECRET, JWSAlgorithm.HS512, c);
        assertThat(refusal(verifier.verify(hs512))).contains("signed with HS512");
        assertThat(refusal(verifier.verify(Tokens.unsigned(c)))).contains("alg none");
        // An alg:none header glued to a real signature is still unsigned to the parser.
        String real = Tokens.sign(Tokens.SECRET, JWSAlgorithm.HS256, c);
        String noneHeader = Tokens.unsigned(c).split("\\.")[0];
        String forged = noneHeader + real.substring(real.indexOf('.'));
        assertThat(verifier.verify(forged)).isInstanceOf(Authentication.Invalid.class);
        assertThat(refusal(verifier.verify("not-a-token"))).isEqualTo("the bearer token is not a JWT");
        // A payload changed after signing.
        String[] parts = real.split("\\.");
        String other = Tokens.sign(Tokens.SECRET, JWSAlgorithm.HS256, Tokens.claims("root", NOW, Duration.ofHours(1), "generate"));
        assertThat(refusal(verifier.verify(parts[0] + "." + other.split("\\.")[1] + "." + parts[2])))
                .isEqualTo("the token's signature is not valid");
    }

    @Test
    void hs384AndHs512WorkWhenConfigured() {
        String key = "k".repeat(64);
        JwtVerifier hs512 = new JwtVerifier(key, "HS512", 24, Clock.fixed(NOW, ZoneOffset.UTC));
        JWTClaimsSet c = Tokens.claims("a", NOW, Duration.ofHours(1));
        assertThat(hs512.verify(Tokens.sign(key, JWSAlgorithm.HS512, c))).isInstanceOf(Authentication.Authenticated.class);
        assertThat(hs512.verify(Tokens.sign(key, JWSAlgorithm.HS256, c))).isInstanceOf(Authentication.Invalid.class);
        JwtVerifier hs384 = new JwtVerifier(key, "HS384", 24, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(hs384.verify(Tokens.sign(key, JWSAlgorithm.HS384, c))).isInstanceOf(Authentication.Authenticated.class);
    }

    @Test
    void apiKeysCompareByDigest() {
        ApiKeyCheck check = new ApiKeyCheck("the-api-key-0123");
        assertThat(check.matches("the-api-key-0123")).isTrue();
        assertThat(check.matches(" the-api-key-0123 ")).isTrue();
        assertThat(check.matches("the-api-key-012")).isFalse();
        assertThat(check.matches("the-api-key-01234")).isFalse();
        assertThat(check.matches("")).isFalse();
        assertThat(check.matches(null)).isFalse();
    }
}
