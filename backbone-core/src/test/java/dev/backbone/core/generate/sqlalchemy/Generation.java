package dev.backbone.core.generate.sqlalchemy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helpers: plan a document through the real validator and architect, render, write. */
final class Generation {

    private Generation() {}

    static Path projectRoot() {
        String root = System.getenv("BACKBONE_PROJECT_ROOT");
        if (root != null && Files.isDirectory(Path.of(root, "examples"))) {
            return Path.of(root);
        }
        return Files.isDirectory(Path.of("examples")) ? Path.of(".") : Path.of("..");
    }

    static List<Path> examples() {
        try (var s = Files.list(projectRoot().resolve("examples"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates and plans; the document must be valid (warnings allowed). */
    static Plan plan(String json) {
        ValidationOutcome v = new Workflow().validate(json, Limits.DEFAULTS, WorkflowListener.NONE);
        assertThat(v.findings().stream().filter(Finding::isError).toList()).as("errors").isEmpty();
        assertThat(v.plan()).as("plan").isNotNull();
        return v.plan();
    }

    static List<GeneratedFile> render(Plan plan) {
        return new SqlAlchemyTarget().render(plan, TemplateRenderer.packaged());
    }

    static void write(Path dir, List<GeneratedFile> files) {
        try {
            for (GeneratedFile f : files) {
                Path p = dir.resolve(f.path());
                Files.createDirectories(p.getParent() == null ? dir : p.getParent());
                Files.writeString(p, f.content(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> pythonPaths(List<GeneratedFile> files, String prefix) {
        return files.stream().map(GeneratedFile::path).filter(p -> p.endsWith(".py")).map(p -> prefix + p).sorted().toList();
    }
}
