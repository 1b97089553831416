package dev.backbone.deploy.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL text handling for the tests: the guide's example queries out of its
 * Markdown, an alert's signal apart from its threshold, and the metric names a query reads.
 * Parsing itself is left to Prometheus (promtool, the query API): these helpers only pick
 * things out, and the tests check their picks against the real thing.
 */
public final class Promql {
    private static final Pattern FENCE = Pattern.compile("```promql\\R(.*?)```", Pattern.DOTALL);
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.*)$");
    private static final Pattern THRESHOLD = Pattern.compile(
            "(?s)^(.*\\S)\\s*(==|!=|>=|<=|>|<)\\s*(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)\\s*$");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![A-Za-z0-9_:.$])([A-Za-z_:][A-Za-z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "atan2", "inf", "nan", "Inf", "NaN");

    private Promql() {}

    /** One example query: where it came from, its title (comment or heading), the expression. */
    public record Query(String title, String expr) {}

    /** An alert expression split into its signal, comparison and threshold. */
    public record Threshold(String signal, String operator, double value) {}

    /**
     * The queries of every {@code ```promql} block. A block may hold several queries, each
     * under a comment line ({@code # Request rate by endpoint}) or separated by a blank line; a
     * query without its own comment takes the nearest Markdown heading above the block.
     */
    public static List<Query> fromMarkdown(String markdown) {
        List<Query> queries = new ArrayList<>();
        Matcher block = FENCE.matcher(markdown);
        while (block.find()) {
            String heading = lastHeadingBefore(markdown, block.start());
            String title = heading;
            StringBuilder expr = new StringBuilder();
            for (String line : block.group(1).split("\\R")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    flush(queries, title, expr);
                    if (trimmed.startsWith("#")) {
                        title = trimmed.substring(1).strip();
                    }
                    continue;
                }
                expr.append(expr.isEmpty() ? "" : "\n").append(line);
            }
            flush(queries, title, expr);
        }
        return queries;
    }

    private static void flush(List<Query> queries, String title, StringBuilder expr) {
        if (!expr.isEmpty()) {
            queries.add(new Query(title, expr.toString()));
            expr.setLength(0);
        }
    }

    private static String lastHeadingBefore(String markdown, int offset) {
        Matcher m = HEADING.matcher(markdown.substring(0, offset));
        String last = "";
        while (m.find()) {
            last = m.group(1).strip();
        }
        return last;
    }

    /** The expression without {@code # ...} comments (outside strings). */
    public static String withoutComments(String expr) {
        StringBuilder out = new StringBuilder();
        for (String line : expr.split("\\R")) {
            out.append(cutComment(line)).append('\n');
        }
        return out.toString().strip();
    }

    private static String cutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '#') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** {@code signal > 0.05} split in three, or empty when the expression ends in no comparison. */
    public static Optional<Threshold> splitThreshold(String expr) {
        Matcher m = THRESHOLD.matcher(withoutComments(expr));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Threshold(m.group(1).strip(), m.group(2), Double.parseDouble(m.group(3))));
    }

    /**
     * The metric names an expression reads: identifiers that are not functions, aggregations,
     * keywords, label names (in braces or {@code by (...)} lists) or durations.
     */
    public static Set<String> metricNames(String expr) {
        String text = withoutComments(expr);
        text = STRING.matcher(text).replaceAll("\"\"");
        text = text.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        text = LABEL_LIST.matcher(text).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            boolean call = m.group(2) != null;
            if (!call && !KEYWORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Grafana's interval variables replaced by fixed durations, so Prometheus can run the query. */
    public static String withGrafanaVariables(String expr, String rateInterval, String range) {
        return expr.replace("${__rate_interval}", rateInterval).replace("$__rate_interval", rateInterval)
                .replace("${__interval}", rateInterval).replace("$__interval", rateInterval)
                .replace("${__range}", range).replace("$__range", range);
    }
}
