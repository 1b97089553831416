package dev.backbone.deploy.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** YAML and JSON as Jackson trees: the deploy files are data, so the tests compare data. */
public final class Yaml {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Yaml() {}

    public static JsonNode read(Path path) {
        return YAML.readTree(ProjectFiles.read(path));
    }

    public static JsonNode parse(String text) {
        return YAML.readTree(text);
    }

    /** Every document of a multi-document YAML file. */
    public static List<JsonNode> readAll(Path path) {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(ProjectFiles.read(path))) {
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    public static JsonNode json(Path path) {
        return JSON.readTree(ProjectFiles.read(path));
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    public static String toYaml(Object value) {
        return YAML.writeValueAsString(value);
    }

    public static ObjectMapper jsonMapper() {
        return JSON;
    }
}
