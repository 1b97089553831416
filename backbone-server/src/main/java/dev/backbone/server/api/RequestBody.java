package dev.backbone.server.api;

import dev.backbone.server.metrics.HttpMetricsFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Reads a JSON request body under {@code MAX_JSON_SIZE}. A declared length over the limit is
 * refused before a byte is read; a chunked body is cut off as soon as it passes the limit, so
 * a client cannot make the service buffer more than the limit either way.
 */
final class RequestBody {

    private RequestBody() {}

    /** The body as text, or an {@link ApiException} (413 too large, 415 not JSON, 400 not UTF-8). */
    static String readJson(HttpServletRequest request, long maxBytes, Shape failedShape) {
        requireJson(request.getContentType(), failedShape);
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(declared + " bytes", maxBytes, failedShape);
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = readAtMost(in, maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes == null) {
            throw tooLarge("more than " + maxBytes + " bytes", maxBytes, failedShape);
        }
        request.setAttribute(HttpMetricsFilter.BODY_BYTES_ATTRIBUTE, (long) bytes.length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiErrors.badRequest("the request body is not UTF-8 text", FindingView.error("JSON_SYNTAX_ERROR",
                    "the request body is not valid UTF-8"), failedShape);
        }
    }

    /** JSON media types ({@code application/json}, {@code application/*+json}); a missing header is taken as JSON. */
    private static void requireJson(String contentType, Shape failedShape) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type != null && "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"))) {
            return;
        }
        throw ApiErrors.unsupportedMediaType(contentType, failedShape);
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(max, 64 * 1024));
        byte[] buf = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static ApiException tooLarge(String size, long max, Shape failedShape) {
        return ApiErrors.withFindings(HttpStatus.CONTENT_TOO_LARGE, "Payload too large",
                "the request body is " + size + "; the limit MAX_JSON_SIZE is " + max + " bytes ("
                        + ApiErrors.human(max) + ")",
                FindingView.error("MAX_JSON_SIZE_EXCEEDED", "the request body exceeds MAX_JSON_SIZE (" + max + " bytes)"),
                Map.of("name", "MAX_JSON_SIZE", "value", max), failedShape);
    }
}
