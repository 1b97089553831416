package dev.backbone.agents.llm;

import dev.backbone.core.validate.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agents' prompt texts, kept as resources ({@code dev/backbone/agents/prompts/}) so they read
 * as prose and change without touching code. Placeholders are {@code {{name}}}; {@code format} and
 * {@code example} (the schema format and one valid document) are always available.
 */
public final class Prompts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private Prompts() {}

    /** The text of {@code prompts/<name>}; a missing one is a packaging bug. */
    public static String load(String name) {
        String path = "/dev/backbone/agents/prompts/" + name;
        try (InputStream in = Prompts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing prompt resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The resource with its placeholders filled in one pass, so a value that itself holds
     * {@code {{...}}} (a user's text) is never expanded.
     */
    public static String render(String name, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(load(name));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = switch (key) {
                case "format" -> load("format.md").strip();
                case "example" -> load("example.json").strip();
                default -> values.get(key);
            };
            if (value == null) {
                throw new IllegalStateException("prompt " + name + " needs a value for {{" + key + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    /** One line per finding ({@code - error CODE at /path (line 3, column 5): message}), at most {@code max}. */
    public static String findings(List<Finding> findings, int max) {
        if (findings.isEmpty()) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder();
        findings.stream().limit(max).forEach(f -> sb.append("- ").append(f.severity().wire())
                .append(' ').append(f.code()).append(" at ").append(f.path().isEmpty() ? "/" : f.path())
                .append(" (line ").append(f.line()).append(", column ").append(f.column()).append("): ")
                .append(f.message()).append('\n'));
        if (findings.size() > max) {
            sb.append("- ... and ").append(findings.size() - max).append(" more\n");
        }
        return sb.toString().stripTrailing();
    }
}
