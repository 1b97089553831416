package dev.backbone.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** The Grafana dashboards of {@code deploy/grafana/dashboards} and their panel queries. */
public final class Dashboards {
    private Dashboards() {}

    /** One query of one panel. */
    public record PanelQuery(String dashboard, String panel, String refId, String expr) {
        public String where() {
            return dashboard + " / " + panel + " / " + refId;
        }
    }

    public static Path folder() {
        return ProjectFiles.deploy("grafana/dashboards");
    }

    public static List<Path> files() {
        try (Stream<Path> s = Files.list(folder())) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Panels of a dashboard, including those nested in collapsed rows. */
    public static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            panels.add(p);
            for (JsonNode nested : p.path("panels")) {
                panels.add(nested);
            }
        }
        return panels;
    }

    public static List<PanelQuery> queries() {
        List<PanelQuery> queries = new ArrayList<>();
        for (Path file : files()) {
            JsonNode dashboard = Yaml.json(file);
            for (JsonNode panel : panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new PanelQuery(dashboard.path("title").asString(), panel.path("title").asString(),
                            target.path("refId").asString(), target.path("expr").asString()));
                }
            }
        }
        return queries;
    }
}
