package dev.backbone.agents.reviewer;

import dev.backbone.agents.llm.JsonReplies;
import dev.backbone.agents.llm.ReplyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reads the reviewer's reply defensively: the first JSON object ({@code {"suggestions": [...]}})
 * or array in the text; items without a message are dropped, an unknown severity becomes
 * {@code suggestion}, and counts and lengths are capped so one reply cannot flood a response.
 */
final class ReviewParser implements ReplyParser<List<Suggestion>> {

    static final int MAX_SUGGESTIONS = 50;
    static final int MAX_MESSAGE = 1000;
    static final int MAX_PATH = 300;

    @Override
    public List<Suggestion> parse(String text) throws InvalidReplyException {
        JsonNode tree = JsonReplies.firstObjectOrArray(text).tree();
        JsonNode items = tree.isArray() ? tree : tree.get("suggestions");
        if (items == null || !items.isArray()) {
            throw new InvalidReplyException("the reply has no \"suggestions\" array");
        }
        List<Suggestion> out = new ArrayList<>();
        for (JsonNode item : items) {
            Suggestion s = suggestion(item);
            if (s != null && out.size() < MAX_SUGGESTIONS) {
                out.add(s);
            }
        }
        if (out.isEmpty() && !items.isEmpty()) {
            throw new InvalidReplyException("no suggestion in the reply has a message");
        }
        return out;
    }

    private static Suggestion suggestion(JsonNode item) {
        if (item == null || !item.isObject()) {
            return null;
        }
        String message = string(item, "message");
        if (message == null || message.isBlank()) {
            return null;
        }
        String path = string(item, "path");
        path = path == null || !(path.isEmpty() || path.startsWith("/")) ? "" : path;
        String severity = string(item, "severity");
        severity = severity != null && severity.trim().toLowerCase(Locale.ROOT).equals(Suggestion.WARNING)
                ? Suggestion.WARNING : Suggestion.SUGGESTION;
        return new Suggestion(cap(path, MAX_PATH), severity, cap(message.strip(), MAX_MESSAGE));
    }

    private static String string(JsonNode item, String field) {
        JsonNode v = item.get(field);
        return v != null && v.isString() ? v.stringValue() : null;
    }

    private static String cap(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "..." : s;
    }
}
