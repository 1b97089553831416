package dev.backbone.core.diagram;

import dev.backbone.core.plan.Plan;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.validate.ProjectRoot;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The documents the diagram tests draw: the examples and the generator corpora, all valid. */
final class DiagramDocuments {

    private DiagramDocuments() {}

    /** Relative path (from the project root) of every example and corpus document. */
    static List<String> all() {
        Path root = ProjectRoot.find();
        List<String> out = new ArrayList<>();
        for (String dir : List.of("examples", "backbone-core/src/test/resources/sql-corpus",
                "backbone-core/src/test/resources/sqlalchemy-corpus")) {
            try (Stream<Path> files = Files.list(root.resolve(dir))) {
                files.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> out.add(root.relativize(p).toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static Plan plan(String relative) {
        try {
            ValidationOutcome v = new Workflow().validate(Files.readString(ProjectRoot.find().resolve(relative)),
                    Limits.DEFAULTS, WorkflowListener.NONE);
            if (!v.valid()) {
                throw new IllegalStateException(relative + " is not valid: " + v.findings());
            }
            return v.plan();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
