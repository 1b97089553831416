package dev.backbone.server.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Mints JWTs for tests, as a client's identity provider would (nimbus-jose-jwt). */
public final class Tokens {

    /** A 32-byte HS256 key. */
    public static final String SECRET = "test-jwt-signing-secret-0123456789abcdef";

    private Tokens() {}

    /** Signed with {@link #SECRET}, HS256, valid for an hour from now, with these scopes in {@code scope}. */
    public static String jwt(String subject, String... scopes) {
        return sign(SECRET, JWSAlgorithm.HS256, claims(subject, Instant.now(), Duration.ofHours(1), scopes));
    }

    public static JWTClaimsSet claims(String subject, Instant issued, Duration lifetime, String... scopes) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().subject(subject).issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(lifetime)));
        if (scopes.length > 0) {
            b.claim("scope", String.join(" ", scopes));
        }
        return b.build();
    }

    public static JWTClaimsSet.Builder builder(String subject, List<String> scopes) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1)))).claim("scopes", scopes);
    }

    public static String sign(String secret, JWSAlgorithm alg, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(alg), claims);
            jwt.sign(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}: header and claims, empty signature. */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }
}
