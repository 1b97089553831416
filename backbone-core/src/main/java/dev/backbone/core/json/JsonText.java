package dev.backbone.core.json;

import java.util.Map;

/** Compact JSON text of a parsed value: the literal of a JSON column's default. */
public final class JsonText {
    private JsonText() {}

    public static String of(JsonNode node) {
        StringBuilder b = new StringBuilder();
        write(node, b);
        return b.toString();
    }

    private static void write(JsonNode node, StringBuilder b) {
        if (node instanceof JsonNode.JsonObject o) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : o.fields().entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                string(e.getKey(), b);
                b.append(':');
                write(e.getValue(), b);
            }
            b.append('}');
        } else if (node instanceof JsonNode.JsonArray a) {
            b.append('[');
            for (int i = 0; i < a.items().size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                write(a.items().get(i), b);
            }
            b.append(']');
        } else if (node instanceof JsonNode.JsonString s) {
            string(s.value(), b);
        } else if (node instanceof JsonNode.JsonNumber n) {
            b.append(n.integral() ? n.value().toPlainString() : n.value().toString());
        } else if (node instanceof JsonNode.JsonBoolean t) {
            b.append(t.value());
        } else {
            b.append("null");
        }
    }

    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
