package dev.backbone.server.api;

import dev.backbone.server.lifecycle.Cancellation;
import dev.backbone.server.requestid.RequestIdFilter;
import dev.backbone.server.security.SpeculativeLimit;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Every refusal and failure as JSON with {@code error}, {@code message} and {@code request_id}.
 * An unexpected exception is logged with its stack trace (and the request id) and answered
 * with a 500 that says nothing about the internals. The content type is set explicitly so the
 * JSON goes out even to a client that asked for a zip.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Cancellation cancellation;

    ApiExceptionHandler(Cancellation cancellation) {
        this.cancellation = cancellation;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> refused(ApiException e, HttpServletRequest request) {
        return body(e.status(), e.body(), request);
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<Map<String, Object>> notFound(HttpServletRequest request) {
        return body(HttpStatus.NOT_FOUND, error("Not found", "no route for " + request.getMethod() + " "
                + printable(request.getRequestURI()) + "; see /docs for the API"), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        ResponseEntity<Map<String, Object>> r = body(HttpStatus.METHOD_NOT_ALLOWED, error("Method not allowed",
                request.getMethod() + " is not supported on " + printable(request.getRequestURI())
                        + (e.getSupportedMethods() == null ? "" : "; use " + String.join(", ", e.getSupportedMethods()))),
                request);
        if (e.getSupportedMethods() != null) {
            return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders())
                    .header(HttpHeaders.ALLOW, String.join(", ", e.getSupportedMethods())).body(r.getBody());
        }
        return r;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, error("Unsupported media type",
                "Content-Type " + e.getContentType() + " is not supported; send application/json"), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(HttpServletRequest request) {
        return body(HttpStatus.NOT_ACCEPTABLE, error("Not acceptable",
                "this route answers application/json; check the Accept header"), request);
    }

    /**
     * A client that hung up or stalled mid-upload: one INFO line (any client can do this at will,
     * so it must neither fill the log with traces nor look like the service's failure). A stall
     * is answered 408 (Tomcat's choice, in our JSON by {@link JsonErrorController}); a hang-up is
     * answered nothing ({@link ClientGoneValve} closes the connection).
     */
    @ExceptionHandler(RequestBody.ClientGone.class)
    void clientGone(RequestBody.ClientGone e, HttpServletRequest request) {
        if (e.timedOut()) {
            log.info("{} {}: {}; answered 408", request.getMethod(), printable(request.getRequestURI()), e.getMessage());
        } else {
            request.setAttribute(ClientGoneValve.ATTRIBUTE, Boolean.TRUE);
            log.info("{} {}: {}; nothing answered", request.getMethod(), printable(request.getRequestURI()), e.getMessage());
        }
    }

    /**
     * A speculative request the rate limit refused before it did something a refused request must
     * not (a paid call): nothing is answered here, the limiter's filter answers the usual 429.
     */
    @ExceptionHandler(SpeculativeLimit.Refused.class)
    void refusedWhileRunning() {
        // SpeculativeLimitFilter writes the 429.
    }

    /**
     * A request the shutdown drain cancelled: 503 (another replica can serve the retry) and one
     * WARN line. Whatever the interrupt made fail on the way out counts as this too, never as
     * an unexpected error with a trace.
     */
    @ExceptionHandler(Cancellation.RequestCancelledException.class)
    ResponseEntity<Map<String, Object>> cancelled(HttpServletRequest request) {
        log.warn("{} {}: cancelled, the shutdown drain reached SHUTDOWN_TIMEOUT", request.getMethod(),
                printable(request.getRequestURI()));
        return body(HttpStatus.SERVICE_UNAVAILABLE, error("Service unavailable",
                "the service is shutting down and cancelled this request after SHUTDOWN_TIMEOUT; retry it"), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        if (cancellation.isCancelled()) {
            return cancelled(request);
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // Gone before the answer was written (a client timeout, a closed tab): as with an
            // aborted upload, one INFO line, nothing more to answer.
            request.setAttribute(ClientGoneValve.ATTRIBUTE, Boolean.TRUE);
            log.info("{} {}: client closed the connection before the answer was written; nothing answered",
                    request.getMethod(), printable(request.getRequestURI()));
            return null;
        }
        log.error("Unexpected error serving {} {}", request.getMethod(), printable(request.getRequestURI()), e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, internalError(RequestIdFilter.current(request)), request);
    }

    /** The body of every 500: no exception text, only what lets the operator find the log lines. */
    static Map<String, Object> internalError(String requestId) {
        return error("Internal server error",
                "an unexpected error occurred; the request id " + requestId + " finds it in the service's log");
    }

    static Map<String, Object> error(String error, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("message", message);
        return m;
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, Map<String, Object> fields, HttpServletRequest request) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("error", fields.get("error"));
        b.put("message", fields.get("message"));
        b.put("request_id", RequestIdFilter.current(request));
        fields.forEach(b::putIfAbsent);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(b);
    }

    /** A path as text safe to echo: no control characters, at most 200 characters. */
    static String printable(String s) {
        if (s == null) {
            return "";
        }
        String p = s.replaceAll("[\\p{Cntrl}]", "?");
        return p.length() > 200 ? p.substring(0, 200) + "..." : p;
    }
}
