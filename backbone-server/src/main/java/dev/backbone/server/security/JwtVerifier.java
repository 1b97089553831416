package dev.backbone.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Checks {@code Authorization: Bearer} tokens: HMAC-signed JWTs (nimbus-jose-jwt parses and
 * verifies the signature, comparing MACs in constant time) with the one configured
 * {@code JWT_ALGORITHM}. A token signed with another algorithm is refused before its signature
 * is looked at, and an unsigned one ({@code alg: none}) always: the algorithm is the server's
 * choice, never the token's.
 *
 * <p>Claims: {@code exp} is required (a token that never expires is refused), {@code nbf} is
 * honoured, and the lifetime ({@code exp} minus {@code iat}, or minus now without {@code iat})
 * may not exceed {@code JWT_EXPIRATION_HOURS}; one minute of clock skew is allowed. Scopes come
 * from {@code scope} (space-separated, as in OAuth 2) and/or {@code scopes} (a list or a
 * string).
 */
final class JwtVerifier {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final JWSAlgorithm algorithm;
    private final MACVerifier verifier;
    private final Duration maxLifetime;
    private final Clock clock;

    JwtVerifier(String secret, String algorithm, int expirationHours, Clock clock) {
        this.algorithm = JWSAlgorithm.parse(algorithm);
        try {
            this.verifier = new MACVerifier(secret.strip().getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            // The settings refuse short keys first; this is the library agreeing.
            throw new IllegalStateException("JWT_SECRET_KEY is not usable: " + e.getMessage(), e);
        }
        this.maxLifetime = Duration.ofHours(expirationHours);
        this.clock = clock;
    }

    Authentication verify(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            return invalid("the bearer token is not a JWT");
        }
        if (jwt instanceof PlainJWT) {
            return invalid("unsigned tokens (alg none) are not accepted");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            return invalid("encrypted tokens are not accepted; send a signed JWT");
        }
        if (!algorithm.equals(signed.getHeader().getAlgorithm())) {
            return invalid("the token is signed with " + signed.getHeader().getAlgorithm() + ", which this service does not accept");
        }
        try {
            if (!signed.verify(verifier)) {
                return invalid("the token's signature is not valid");
            }
        } catch (JOSEException | IllegalStateException e) {
            return invalid("the token's signature cannot be checked");
        }
        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            return invalid("the token's claims are not a JSON object");
        }
        Authentication timing = checkTimes(claims);
        if (timing != null) {
            return timing;
        }
        return new Authentication.Authenticated(new Principal("jwt", id(claims, token), scopes(claims), false));
    }

    private Authentication checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            return invalid("the token has no exp claim; tokens must expire");
        }
        if (now.isAfter(exp.toInstant().plus(CLOCK_SKEW))) {
            return invalid("the token expired at " + exp.toInstant());
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.plus(CLOCK_SKEW).isBefore(nbf.toInstant())) {
            return invalid("the token is not valid before " + nbf.toInstant());
        }
        Date iat = claims.getIssueTime();
        Instant start = iat == null ? now : iat.toInstant();
        if (Duration.between(start, exp.toInstant()).compareTo(maxLifetime.plus(CLOCK_SKEW)) > 0) {
            return invalid("the token's lifetime is longer than JWT_EXPIRATION_HOURS (" + maxLifetime.toHours() + " h)");
        }
        return null;
    }

    /** {@code sub:<subject>}, or a hash of the token when it has no subject (each such token is its own client). */
    private static String id(JWTClaimsSet claims, String token) {
        String sub = claims.getSubject();
        if (sub != null && !sub.isBlank()) {
            return "sub:" + sub;
        }
        return "jwt:" + HexFormat.of().formatHex(ApiKeyCheck.sha256(token), 0, 8);
    }

    static Set<String> scopes(JWTClaimsSet claims) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : new String[] {"scope", "scopes"}) {
            Object v = claims.getClaim(name);
            if (v instanceof String s) {
                split(s, out);
            } else if (v instanceof Collection<?> c) {
                c.stream().filter(String.class::isInstance).forEach(x -> split((String) x, out));
            }
        }
        return out;
    }

    private static void split(String s, Set<String> out) {
        for (String part : s.split("[\\s,]+")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
    }

    private static Authentication invalid(String message) {
        return new Authentication.Invalid(message, true);
    }
}
