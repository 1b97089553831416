package dev.backbone.agents.llm;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the JSON in a model's reply. Models asked for "only JSON" still wrap it in prose or
 * Markdown fences now and then, so the first balanced {@code {...}} (or {@code [...]}) that
 * parses is taken, whatever surrounds it.
 */
public final class JsonReplies {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    /** Candidates tried before giving up: a reply of prose full of braces should not cost much. */
    private static final int MAX_CANDIDATES = 32;

    /** The JSON text found and its tree. */
    public record Found(String json, JsonNode tree) {}

    private JsonReplies() {}

    /** The first JSON object in the reply. */
    public static Found firstObject(String reply) throws ReplyParser.InvalidReplyException {
        return first(reply, false);
    }

    /** The first JSON object or array in the reply. */
    public static Found firstObjectOrArray(String reply) throws ReplyParser.InvalidReplyException {
        return first(reply, true);
    }

    private static Found first(String reply, boolean arrays) throws ReplyParser.InvalidReplyException {
        int tried = 0;
        for (int i = 0; i < reply.length() && tried < MAX_CANDIDATES; i++) {
            char c = reply.charAt(i);
            if (c != '{' && !(arrays && c == '[')) {
                continue;
            }
            int end = matchingEnd(reply, i);
            if (end < 0) {
                continue;
            }
            tried++;
            String candidate = reply.substring(i, end + 1);
            try {
                JsonNode tree = MAPPER.readTree(candidate);
                if (tree != null && (tree.isObject() || (arrays && tree.isArray()))) {
                    return new Found(candidate, tree);
                }
            } catch (JacksonException e) {
                // not JSON after all: try the next opening bracket
            }
        }
        throw new ReplyParser.InvalidReplyException(arrays ? "the reply held no JSON object or array" : "the reply held no JSON object");
    }

    /** Index of the bracket closing the one at {@code start}, skipping strings; -1 when unbalanced. */
    static int matchingEnd(String s, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
                if (depth < 0) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
