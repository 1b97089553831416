package dev.backbone.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * promtool has no command that only parses an expression, so expressions are wrapped as
 * recording rules in a temporary rule file and checked with {@code promtool check rules}.
 */
public final class RuleCheck {
    private RuleCheck() {}

    public static Command.Result checkExpressions(List<String> expressions) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("record", "backbone_check:expr_" + i);
            rule.put("expr", expressions.get(i));
            rules.add(rule);
        }
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", "expressions-under-test");
        group.put("rules", rules);
        try {
            Path file = Files.createTempFile("backbone-expressions", ".yml");
            try {
                Files.writeString(file, Yaml.toYaml(Map.of("groups", List.of(group))));
                return Command.run(file.getParent(), "promtool", "check", "rules", file.toString());
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
