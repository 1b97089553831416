package dev.backbone.core.regenerate;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.verify.VerifyMode;
import dev.backbone.core.workflow.GenerateRequest;
import dev.backbone.core.workflow.GenerationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import dev.backbone.core.write.ProjectWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test helpers: projects generated and regenerated through the engine, and whole-tree snapshots. */
final class Projects {

    private Projects() {}

    static GenerationOutcome generate(String schema) {
        return new Workflow().generate(new GenerateRequest("schema", schema, GenerateRequest.DEFAULT_TARGETS, null, VerifyMode.NONE,
                Limits.DEFAULTS, false), WorkflowListener.NONE);
    }

    /** A fresh project, as {@code generate} writes it. */
    static void create(Path dir, String schema) throws IOException {
        GenerationOutcome g = generate(schema);
        List<GeneratedFile> all = new ArrayList<>(g.files());
        all.addAll(Regenerator.stateFiles(g.files(), schema));
        ProjectWriter.write(dir, all, false);
    }

    static Regeneration.Prepared prepare(Path dir, String schema) throws IOException {
        GenerationOutcome g = generate(schema);
        return Regeneration.prepare(dir, g.files(), schema, g.validation(), dev.backbone.core.generate.TemplateRenderer.packaged());
    }

    /** Every file under {@code dir} (relative path to a content hash), and every folder (to "dir"). */
    static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(rel + "/", "dir");
                } else {
                    out.put(rel, Manifest.sha256(p));
                }
            }
        }
        return out;
    }

    /** A schema of {@code n} tables, each pointing to the one before; {@code extra} adds a column to the middle table. */
    static String synthetic(int n, boolean extra) {
        StringBuilder b = new StringBuilder("{\"project_name\": \"Synthetic\", \"db_type\": \"postgresql\", \"schema\": [");
        for (int i = 0; i < n; i++) {
            String t = String.format("t%03d", i);
            b.append(i == 0 ? "" : ",").append("{\"table_name\": \"").append(t).append("\", \"class_name\": \"T")
                    .append(String.format("%03d", i)).append("\", \"columns\": [")
                    .append("{\"name\": \"id\", \"type\": \"Integer\", \"primary_key\": true},")
                    .append("{\"name\": \"name\", \"type\": \"String\", \"length\": 50, \"nullable\": false},")
                    .append("{\"name\": \"amount\", \"type\": \"Numeric\", \"precision\": 10, \"scale\": 2}");
            if (i > 0) {
                b.append(",{\"name\": \"prev_id\", \"type\": \"ForeignKey\", \"target\": \"").append(String.format("t%03d", i - 1))
                        .append(".id\"}");
            }
            if (extra && i == n / 2) {
                b.append(",{\"name\": \"note\", \"type\": \"String\", \"length\": 80}");
            }
            b.append("]}");
        }
        return b.append("]}").toString();
    }
}
