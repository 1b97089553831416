package dev.backbone.core.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.testsupport.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code erDiagram} text of every example and corpus document parses with Mermaid's own
 * parser ({@code mermaid.parse}) under Node. Mermaid is installed by {@code .ci/run} into
 * {@code BACKBONE_MERMAID_DIR} (default {@code ~/.cache/backbone-mermaid}); without it (or
 * without Node) the test skips on a laptop and fails in CI.
 */
class MermaidParserTest {

    /** Reads a JSON array of diagram texts on stdin; prints one JSON array of error messages (null = parsed). */
    private static final String SCRIPT = """
            import mermaid from 'mermaid';
            import fs from 'node:fs';
            const texts = JSON.parse(fs.readFileSync(0, 'utf8'));
            const out = [];
            for (const t of texts) {
              try { const r = await mermaid.parse(t); out.push(r.diagramType === 'er' ? null : 'not an erDiagram: ' + r.diagramType); }
              catch (e) { out.push(String(e && e.message || e)); }
            }
            console.log(JSON.stringify(out));
            """;

    private static Path dir;

    @BeforeAll
    static void findMermaid() {
        dir = Path.of(Requirements.env("BACKBONE_MERMAID_DIR", System.getProperty("user.home") + "/.cache/backbone-mermaid"));
        Requirements.require(Files.isRegularFile(dir.resolve("node_modules/mermaid/package.json")),
                "the npm package mermaid in " + dir + " (.ci/run installs it: npm install --prefix " + dir + " mermaid)");
        Requirements.require(runs("node", "--version"), "Node.js (node on the PATH)");
    }

    @Test
    void everyDocumentsDiagramParses() throws Exception {
        List<String> docs = DiagramDocuments.all();
        List<String> texts = new ArrayList<>();
        for (String doc : docs) {
            texts.add(MermaidRenderer.render(ErDiagrams.of(DiagramDocuments.plan(doc))));
        }
        JsonNode results = parse(texts);
        assertThat(results.size()).isEqualTo(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            assertThat(results.get(i).isNull()).as("%s: %s%n%s", docs.get(i), results.get(i), texts.get(i)).isTrue();
        }
    }

    /** The generated README's Mermaid block is the same diagram, and parses too. */
    @Test
    void theGeneratedReadmesDiagramParses() throws Exception {
        String text = Files.readString(dev.backbone.core.validate.ProjectRoot.find().resolve("examples/ecommerce_schema.json"));
        dev.backbone.core.workflow.GenerationOutcome out = new dev.backbone.core.workflow.Workflow().generate(
                new dev.backbone.core.workflow.GenerateRequest("ecommerce_schema.json", text,
                        dev.backbone.core.workflow.GenerateRequest.DEFAULT_TARGETS, null,
                        dev.backbone.core.verify.VerifyMode.NONE, dev.backbone.core.validate.Limits.DEFAULTS, false),
                dev.backbone.core.workflow.WorkflowListener.NONE);
        String readme = out.files().stream().filter(f -> f.path().equals("README.md")).findFirst().orElseThrow().content();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("```mermaid\n(.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(readme);
        assertThat(m.find()).as(readme).isTrue();
        assertThat(m.group(1)).isEqualTo(MermaidRenderer.render(ErDiagrams.of(
                DiagramDocuments.plan("examples/ecommerce_schema.json"))));
        assertThat(parse(List.of(m.group(1))).get(0).isNull()).isTrue();
    }

    /** The parser is real: it refuses a relationship without its label and an entity named like a keyword unquoted. */
    @Test
    void theParserRefusesBrokenDiagrams() throws Exception {
        JsonNode results = parse(List.of("erDiagram\n    a ||--o{ b\n", "erDiagram\n    class {\n        Integer id PK\n    }\n"));
        assertThat(results.get(0).isNull()).isFalse();
        assertThat(results.get(1).isNull()).isFalse();
    }

    private static JsonNode parse(List<String> texts) throws IOException, InterruptedException {
        Path script = dir.resolve("backbone-parse-er.mjs");
        Files.writeString(script, SCRIPT);
        Process p = new ProcessBuilder("node", script.toString()).directory(dir.toFile()).redirectErrorStream(false).start();
        try (var in = p.getOutputStream()) {
            in.write(JsonMapper.builder().build().writeValueAsString(texts).getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("node: %s", err).isZero();
        return JsonMapper.builder().build().readTree(out);
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
