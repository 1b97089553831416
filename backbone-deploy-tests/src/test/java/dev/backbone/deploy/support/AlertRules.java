package dev.backbone.deploy.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The alerting rules of {@code deploy/prometheus/alerts.yml}, as data. */
public final class AlertRules {
    private AlertRules() {}

    public record Rule(String group, String alert, String expr, String forDuration,
                       Map<String, String> labels, Map<String, String> annotations) {}

    public static Path file() {
        return ProjectFiles.deploy("prometheus/alerts.yml");
    }

    public static List<Rule> load() {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode group : Yaml.read(file()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    rules.add(new Rule(group.path("name").asString(), rule.path("alert").asString(),
                            rule.path("expr").asString().strip(), rule.path("for").asString(""),
                            strings(rule.path("labels")), strings(rule.path("annotations"))));
                }
            }
        }
        return rules;
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            map.put(e.getKey(), e.getValue().asString());
        }
        return map;
    }
}
