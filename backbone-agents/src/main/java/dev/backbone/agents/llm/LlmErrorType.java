package dev.backbone.agents.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

/**
 * The bounded set of {@code error_type} values of {@code backbone_llm_errors_total}: a label
 * must not take a value per message, so every failure of a provider call maps to one of these.
 */
public enum LlmErrorType {
    TIMEOUT,
    RATE_LIMITED,
    AUTHENTICATION,
    SERVER_ERROR,
    /** The provider answered, but not with what was asked for (garbage body, no text, no JSON). */
    INVALID_RESPONSE,
    NETWORK,
    OTHER;

    /** The label value: {@code timeout}, {@code rate_limited}, ... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Worth another try of the same request: the provider may answer next time. */
    public boolean transientFailure() {
        return this == TIMEOUT || this == RATE_LIMITED || this == SERVER_ERROR || this == NETWORK;
    }

    /**
     * Maps what a LangChain4j call threw. LangChain4j wraps HTTP statuses in its own exceptions
     * ({@code RateLimitException} for 429, ...) and JDK I/O errors in plain runtime exceptions, so
     * the whole cause chain is inspected, most specific meaning first.
     */
    public static LlmErrorType classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            LlmErrorType direct = direct(t);
            if (direct != null) {
                return direct;
            }
        }
        return OTHER;
    }

    /** Maps an HTTP status a provider answered with. */
    public static LlmErrorType ofStatus(int status) {
        if (status == 401 || status == 403) {
            return AUTHENTICATION;
        }
        if (status == 408) {
            return TIMEOUT;
        }
        if (status == 429) {
            return RATE_LIMITED;
        }
        if (status >= 500) {
            return SERVER_ERROR;
        }
        return OTHER;
    }

    private static LlmErrorType direct(Throwable t) {
        if (t instanceof TimeoutException || t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
            return TIMEOUT;
        }
        if (t instanceof RateLimitException) {
            return RATE_LIMITED;
        }
        if (t instanceof AuthenticationException) {
            return AUTHENTICATION;
        }
        if (t instanceof InternalServerException) {
            return SERVER_ERROR;
        }
        if (t instanceof HttpException h) {
            return ofStatus(h.statusCode());
        }
        if (isJsonError(t)) {
            return INVALID_RESPONSE;
        }
        if (t instanceof UnresolvedModelServerException || t instanceof ConnectException
                || t instanceof UnknownHostException || t instanceof IOException) {
            return NETWORK;
        }
        return null;
    }

    /** Jackson 2 (LangChain4j's) or 3 parse errors, by name so neither is a compile-time dependency here. */
    private static boolean isJsonError(Throwable t) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            String n = c.getName();
            if (n.equals("com.fasterxml.jackson.core.JacksonException") || n.equals("tools.jackson.core.JacksonException")) {
                return true;
            }
        }
        return false;
    }
}
