package dev.backbone.server.security;

import dev.backbone.server.requestid.RequestIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring's CORS rules, with the refusal (a request from an origin not in {@code CORS_ORIGINS},
 * a method or header not allowed) in the service's JSON error shape instead of plain text.
 */
final class JsonCorsProcessor extends DefaultCorsProcessor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("error", "Forbidden");
        b.put("message", "cross-origin request refused: the origin, method or headers are not allowed (CORS_ORIGINS)");
        b.put("request_id", MDC.get(RequestIds.MDC_KEY));
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8));
        response.getBody().write(JSON.writeValueAsBytes(b));
        response.flush();
    }
}
