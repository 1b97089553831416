package dev.backbone.server.security;

import dev.backbone.server.config.Settings;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a request's credential: {@code X-API-Key} (checked against {@code API_KEY}) or
 * {@code Authorization: Bearer <JWT>} (checked against {@code JWT_SECRET_KEY}). When both
 * headers are present the API key decides; a credential that is presented and wrong is refused,
 * never silently ignored in favour of the other.
 */
final class Authenticator {

    static final String API_KEY_HEADER = "X-API-Key";

    private static final Principal API_KEY_PRINCIPAL = new Principal("api_key", "api-key", Set.of(), true);

    private final ApiKeyCheck apiKey;
    private final JwtVerifier jwt;
    private final String realm;

    Authenticator(Settings settings, Clock clock) {
        Settings.Security s = settings.security();
        this.apiKey = s.apiKey().isSet() ? new ApiKeyCheck(s.apiKey().value()) : null;
        this.jwt = s.jwtSecretKey().isSet()
                ? new JwtVerifier(s.jwtSecretKey().value(), s.jwtAlgorithm(), s.jwtExpirationHours(), clock) : null;
        this.realm = settings.app().name().replace("\"", "");
    }

    Authentication authenticate(HttpServletRequest request) {
        String key = request.getHeader(API_KEY_HEADER);
        if (key != null) {
            if (apiKey == null) {
                return new Authentication.Invalid("API keys are not accepted by this service; send Authorization: Bearer <token>",
                        false);
            }
            return apiKey.matches(key) ? new Authentication.Authenticated(API_KEY_PRINCIPAL)
                    : new Authentication.Invalid("the API key is not valid", false);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            return Authentication.ANONYMOUS;
        }
        String[] parts = authorization.strip().split("\\s+", 2);
        if (!parts[0].toLowerCase(Locale.ROOT).equals("bearer")) {
            return new Authentication.Invalid("the Authorization scheme must be Bearer", true);
        }
        if (parts.length < 2 || parts[1].isBlank()) {
            return new Authentication.Invalid("the bearer token is empty", true);
        }
        if (jwt == null) {
            return new Authentication.Invalid("bearer tokens are not accepted by this service; send X-API-Key: <key>", true);
        }
        return jwt.verify(parts[1].strip());
    }

    /** {@code WWW-Authenticate} challenges for a 401: one per accepted kind of credential (RFC 9110 11.6.1, RFC 6750 3). */
    List<String> challenges(Authentication outcome) {
        List<String> out = new ArrayList<>(2);
        if (jwt != null) {
            String c = "Bearer realm=\"" + realm + "\"";
            if (outcome instanceof Authentication.Invalid i && i.bearer()) {
                c += ", error=\"invalid_token\", error_description=\"" + quoted(i.message()) + "\"";
            }
            out.add(c);
        }
        if (apiKey != null) {
            out.add("ApiKey realm=\"" + realm + "\", header=\"" + API_KEY_HEADER + "\"");
        }
        return out;
    }

    /** {@code WWW-Authenticate} for a 403: the scope that was missing (RFC 6750 3.1 insufficient_scope). */
    String insufficientScope(String scope) {
        return "Bearer realm=\"" + realm + "\", error=\"insufficient_scope\", scope=\"" + quoted(scope) + "\"";
    }

    /** How to authenticate, for the 401 message. */
    String howTo() {
        if (apiKey != null && jwt != null) {
            return "send X-API-Key: <key> or Authorization: Bearer <token>";
        }
        return apiKey != null ? "send X-API-Key: <key>" : "send Authorization: Bearer <token>";
    }

    private static String quoted(String s) {
        return s.replace("\\", "\\\\").replace("\"", "'");
    }
}
