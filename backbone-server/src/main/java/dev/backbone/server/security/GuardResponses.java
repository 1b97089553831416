package dev.backbone.server.security;

import dev.backbone.server.ratelimit.Decision;
import dev.backbone.server.requestid.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The refusals of the guard (401, 403, 429) and the rate-limit headers, in the service's error
 * shape {@code {error, message, request_id}}. Written straight to the response because the guard
 * answers before the controller runs.
 */
final class GuardResponses {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GuardResponses() {}

    /** The three headers, describing {@code d} (the most constrained limit, or the one that refused). */
    static void rateLimitHeaders(HttpServletResponse response, Decision d) {
        response.setHeader(LIMIT, Integer.toString(d.max()));
        response.setHeader(REMAINING, Integer.toString(Math.max(0, d.remaining())));
        response.setHeader(RESET, Long.toString(d.resetEpochSeconds()));
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, String message, List<String> challenges)
            throws IOException {
        challenges.forEach(c -> response.addHeader("WWW-Authenticate", c));
        write(request, response, 401, body("Unauthorized", message));
    }

    static void forbidden(HttpServletRequest request, HttpServletResponse response, String message, String challenge)
            throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        write(request, response, 403, body("Forbidden", message));
    }

    static void tooManyRequests(HttpServletRequest request, HttpServletResponse response, Decision d) throws IOException {
        long retryAfter = d.secondsToReset();
        response.setHeader("Retry-After", Long.toString(retryAfter));
        Map<String, Object> b = body("Rate limit exceeded", "the " + d.limit() + " limit of " + d.max() + " requests per "
                + per(d.limiter().windowMillis()) + " is used up; retry in " + retryAfter + " s");
        b.put("retry_after", retryAfter);
        b.put("limit", d.limit());
        write(request, response, 429, b);
    }

    private static String per(long windowMillis) {
        return windowMillis == 3_600_000 ? "hour" : windowMillis == 60_000 ? "minute" : windowMillis / 1000 + " s";
    }

    private static Map<String, Object> body(String error, String message) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("error", error);
        b.put("message", message);
        return b;
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> fields)
            throws IOException {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("error", fields.get("error"));
        b.put("message", fields.get("message"));
        b.put("request_id", RequestIdFilter.current(request));
        fields.forEach(b::putIfAbsent);
        byte[] bytes = JSON.writeValueAsBytes(b);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
