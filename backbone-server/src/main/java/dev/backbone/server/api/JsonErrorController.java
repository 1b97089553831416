package dev.backbone.server.api;

import dev.backbone.server.requestid.RequestIdFilter;
import dev.backbone.server.requestid.RequestIds;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page for failures outside the controllers (a filter throwing,
 * the container rejecting a request): the same JSON as everywhere, with the request id, and no
 * exception text.
 */
@RestController
@Hidden
class JsonErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorController.class);

    @RequestMapping("/error")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String id = RequestIdFilter.current(request);
        if (id != null) {
            response.setHeader(RequestIds.HEADER, id);
        }
        Map<String, Object> body;
        if (status.is5xxServerError()) {
            Object ex = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            if (ex instanceof Throwable t) {
                log.error("Unexpected error serving {}", ApiExceptionHandler.printable(
                        String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))), t);
            }
            body = ApiExceptionHandler.internalError(id);
        } else if (status == HttpStatus.REQUEST_TIMEOUT) {
            body = ApiExceptionHandler.error("Request timeout",
                    "the request did not arrive in time: the service waits at most REQUEST_READ_TIMEOUT for the client's next bytes");
        } else {
            body = ApiExceptionHandler.error(status.getReasonPhrase(), "the request was refused (" + status.value() + ")");
        }
        Map<String, Object> b = new LinkedHashMap<>(body);
        b.put("request_id", id);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(b);
    }
}
