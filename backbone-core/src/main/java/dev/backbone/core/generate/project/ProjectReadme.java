package dev.backbone.core.generate.project;

import dev.backbone.core.diagram.ErDiagrams;
import dev.backbone.core.diagram.MermaidRenderer;
import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.plan.Plan;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated project's {@code README.md}: what was generated and how to use it. Written after
 * the targets, because it lists their files; rendered from {@code templates/project/README.md.peb},
 * which includes the entity-relationship diagram ({@code README-diagram.md.peb}, Mermaid).
 */
public final class ProjectReadme {

    private ProjectReadme() {}

    public static GeneratedFile render(Plan plan, List<GeneratedFile> files, List<String> targets, TemplateRenderer templates) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("plan", plan);
        ctx.put("projectName", MarkdownText.escape(plan.projectName()));
        ctx.put("description", plan.description() == null ? "" : MarkdownText.escape(plan.description()));
        ctx.put("files", files.stream().map(GeneratedFile::path).sorted().toList());
        ctx.put("targets", targets);
        ctx.put("hasModels", targets.contains("sqlalchemy"));
        ctx.put("hasSql", targets.contains("sql"));
        ctx.put("hasApi", targets.contains("fastapi"));
        ctx.put("hasMigrations", targets.contains("migrations"));
        ctx.put("apiTables", plan.tables().stream().map(t -> Map.of(
                "name", t.tableName(),
                "key", String.join("/", t.primaryKey().stream().map(c -> "{" + c.attribute() + "}").toList()),
                "softDelete", t.softDelete())).toList());
        ctx.put("curlList", plan.tables().isEmpty() || plan.tables().get(0).primaryKey().isEmpty() ? ""
                : plan.tables().get(0).tableName() + "?limit=10&sort=-" + plan.tables().get(0).primaryKey().get(0).attribute());
        ctx.put("dbType", plan.dbType().wire());
        ctx.put("tables", plan.tables().stream().map(t -> t.tableName() + " (" + t.className() + ")").toList());
        ctx.put("erDiagram", MermaidRenderer.render(ErDiagrams.of(plan)));
        return new GeneratedFile("README.md", templates.render("project", "README.md.peb", ctx, new Escapes()));
    }

    /** Markdown escaping for user text in the README. */
    static final class MarkdownText {
        private MarkdownText() {}

        static String escape(String s) {
            StringBuilder b = new StringBuilder(s.length());
            for (char c : s.toCharArray()) {
                if (c == '\n' || c == '\r') {
                    b.append(' ');
                } else if ("\\`*_{}[]<>()#+!|".indexOf(c) >= 0) {
                    b.append('\\').append(c);
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }
    }

    /** Filters for the README template: {@code md} escapes user text. */
    static final class Escapes extends AbstractExtension {
        @Override
        public Map<String, Filter> getFilters() {
            return Map.of("md", new Filter() {
                @Override
                public List<String> getArgumentNames() {
                    return List.of();
                }

                @Override
                public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext ctx, int line) {
                    return input == null ? "" : MarkdownText.escape(input.toString());
                }
            });
        }
    }
}
