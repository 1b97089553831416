package dev.backbone.server.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Builds the service's refusals; one place for their titles and wording. */
final class ApiErrors {

    private ApiErrors() {}

    static ApiException withFindings(HttpStatus status, String error, String message, FindingView finding,
            Map<String, Object> limit, Shape shape) {
        return withFindings(status, error, message, List.of(finding), List.of(), List.of(), limit, shape);
    }

    static ApiException withFindings(HttpStatus status, String error, String message, List<FindingView> errors,
            List<FindingView> warnings, List<FindingView> info, Map<String, Object> limit, Shape shape) {
        Map<String, Object> extra = new LinkedHashMap<>();
        if (limit != null) {
            extra.put("limit", limit);
        }
        extra.putAll(shape.failed(errors, warnings, info));
        return new ApiException(status, error, message, extra);
    }

    static ApiException badRequest(String message, FindingView finding, Shape shape) {
        return withFindings(HttpStatus.BAD_REQUEST, "Malformed JSON", message, finding, null, shape);
    }

    static ApiException unsupportedMediaType(String contentType, Shape shape) {
        return withFindings(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "Content-Type must be application/json, not " + contentType
                        + " (with curl: -H 'Content-Type: application/json')",
                FindingView.error("UNSUPPORTED_MEDIA_TYPE", "Content-Type " + contentType + " is not JSON"), null, shape);
    }

    /** {@code 10485760} as {@code 10 MB}. */
    static String human(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
