package dev.backbone.server.security;

/** What a request's credentials established: nothing presented, a principal, or a refusal with its reason. */
sealed interface Authentication {

    Anonymous ANONYMOUS = new Anonymous();

    /** No credential was presented. */
    record Anonymous() implements Authentication {}

    /** A valid credential. */
    record Authenticated(Principal principal) implements Authentication {}

    /**
     * A credential was presented and refused.
     *
     * @param message what was wrong, for the client (never the credential)
     * @param bearer true when it was a bearer token (the challenge then says {@code error="invalid_token"})
     */
    record Invalid(String message, boolean bearer) implements Authentication {}
}
