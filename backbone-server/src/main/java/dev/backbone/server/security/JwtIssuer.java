package dev.backbone.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.backbone.server.config.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Mints the tokens {@link JwtVerifier} accepts (the earlier BackBone's {@code create_access_token}):
 * HMAC-signed with {@code JWT_SECRET_KEY} using {@code JWT_ALGORITHM}, with {@code sub},
 * {@code iat}, {@code exp} and the scopes in {@code scope} (space-separated, as in OAuth 2). The
 * same key bytes as the verifier (the stripped value), so a token issued here is one the
 * service accepts; a lifetime past {@code JWT_EXPIRATION_HOURS} is refused here rather than by
 * the service later.
 */
public final class JwtIssuer {

    /** The scopes the service checks. */
    public static final List<String> SCOPES = List.of("generate", "validate");

    private JwtIssuer() {}

    /**
     * A signed, compact JWT.
     *
     * @throws IllegalArgumentException with one line for the user (no secret set, a bad scope, too long a lifetime)
     */
    public static String issue(Settings.Security s, String subject, List<String> scopes, Duration lifetime, Clock clock) {
        if (!s.jwtSecretKey().isSet()) {
            throw new IllegalArgumentException("JWT_SECRET_KEY is not set (environment or .env); the service verifies tokens with it");
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("the subject (--sub) must not be empty");
        }
        for (String scope : scopes) {
            if (!SCOPES.contains(scope)) {
                throw new IllegalArgumentException("unknown scope '" + scope + "'; the service checks " + String.join(", ", SCOPES));
            }
        }
        Duration max = Duration.ofHours(s.jwtExpirationHours());
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(max) > 0) {
            throw new IllegalArgumentException("the lifetime must be between 1 and JWT_EXPIRATION_HOURS (" + s.jwtExpirationHours()
                    + ") hours; the service refuses longer-lived tokens");
        }
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", String.join(" ", scopes))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.parse(s.jwtAlgorithm())), claims);
            jwt.sign(new MACSigner(s.jwtSecretKey().value().strip().getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            // The settings refuse keys too short for the algorithm first; say so without the key.
            throw new IllegalArgumentException("JWT_SECRET_KEY cannot sign with " + s.jwtAlgorithm() + ": " + e.getMessage());
        }
    }
}
