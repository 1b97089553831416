package dev.backbone.server.api;

import dev.backbone.core.json.PositionalJsonParser;
import dev.backbone.server.metrics.HttpMetricsFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
        ByteArrayOutputStream sofar = new ByteArrayOutputStream((int) Math.min(maxBytes, 64 * 1024));
        try (InputStream in = request.getInputStream()) {
            bytes = readAtMost(in, maxBytes, sofar);
        } catch (IOException e) {
            throw interrupted(e, sofar.size(), declared);
        }
        if (bytes == null) {
            throw tooLarge("more than " + maxBytes + " bytes", maxBytes, failedShape);
        }
        request.setAttribute(HttpMetricsFilter.BODY_BYTES_ATTRIBUTE, (long) bytes.length);
        try {
            // The engine's byte-order-mark rule, applied to the whole body: positions count from after it.
            return PositionalJsonParser.withoutByteOrderMark(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
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

    /**
     * A read that failed part-way: the client stopped sending for longer than
     * {@code REQUEST_READ_TIMEOUT}, or it went away. Tomcat has already chosen the answer (408 for
     * the timeout, rendered by {@link JsonErrorController}; for a hang-up, {@link ClientGoneValve}
     * makes it nothing at all), so all that is left is to stop and say so once.
     */
    private static ClientGone interrupted(IOException e, long got, long declared) {
        boolean timedOut = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            timedOut |= t instanceof java.net.SocketTimeoutException;
        }
        return new ClientGone(got, declared, timedOut);
    }

    /** The client stopped sending its body (or closed the connection) before it was complete. */
    static final class ClientGone extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean timedOut;

        ClientGone(long got, long declared, boolean timedOut) {
            super((timedOut ? "client sent nothing more within REQUEST_READ_TIMEOUT after " : "client closed the connection after ")
                    + got + (declared >= 0 ? " of " + declared : "") + " bytes of the request body", null, false, false);
            this.timedOut = timedOut;
        }

        boolean timedOut() {
            return timedOut;
        }
    }

    private static byte[] readAtMost(InputStream in, long max, ByteArrayOutputStream out) throws IOException {
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
