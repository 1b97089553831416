package dev.backbone.server.security;

import java.util.Set;

/**
 * Who a request proved to be.
 *
 * @param kind {@code api_key} or {@code jwt}
 * @param id the client's rate-limit key and log name: {@code api-key}, {@code sub:<subject>}, or
 *     {@code jwt:<hash prefix>} for a token without a subject; never the credential itself
 * @param scopes the JWT's scopes; ignored when {@code allScopes}
 * @param allScopes true for the API key, which may do everything
 */
public record Principal(String kind, String id, Set<String> scopes, boolean allScopes) {

    /** The request attribute holding the principal of an authenticated request. */
    public static final String ATTRIBUTE = Principal.class.getName();

    public Principal {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(String scope) {
        return allScopes || scope.isEmpty() || scopes.contains(scope);
    }
}
