package dev.backbone.server.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, with the status and the body fields the client gets. The
 * handler adds {@code request_id}; {@code error} is a short title, {@code message} says what
 * to change. Never carries a stack trace (none is captured).
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String error;
    private final transient Map<String, Object> body;

    ApiException(HttpStatus status, String error, String message, Map<String, Object> extra) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.body = new LinkedHashMap<>(extra);
    }

    HttpStatus status() {
        return status;
    }

    /** {@code error}, {@code message}, then the extra fields (findings, limit, ...). */
    Map<String, Object> body() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("error", error);
        b.put("message", getMessage());
        b.putAll(body);
        return b;
    }
}
