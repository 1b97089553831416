package dev.backbone.server.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id rules: a client's {@code X-Request-ID} is kept when it is 1 to 128 characters
 * of {@code [A-Za-z0-9._:-]} (UUIDs, trace ids, ULIDs all fit); anything else (empty, too long,
 * spaces, quotes, newlines that would forge log lines) is replaced by a random UUID.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-ID";

    /** The MDC key, also the JSON log field and the error-body field. */
    public static final String MDC_KEY = "request_id";

    /** Request attribute holding the id, for error dispatches that run after the MDC was cleared. */
    public static final String ATTRIBUTE = RequestIds.class.getName();

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    /** The client's id when well formed, else a new UUID. */
    public static String accept(String clientId) {
        if (clientId != null && WELL_FORMED.matcher(clientId).matches()) {
            return clientId;
        }
        return UUID.randomUUID().toString();
    }
}
