package dev.backbone.core.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.validate.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Mermaid and DOT text of each example, checked in as {@code golden/<example>/diagram/er.mmd}
 * and {@code er.dot}. Run with {@code -Dbackbone.updateGolden=true} to rewrite them after an
 * intended change, and review the diff.
 */
class DiagramGoldenTest {

    private static final boolean UPDATE = Boolean.getBoolean("backbone.updateGolden");

    @ParameterizedTest
    @ValueSource(strings = {"blog_schema", "ecommerce_schema", "simple_schema"})
    void mermaidAndDotAreTheGoldenFiles(String example) throws IOException {
        ErDiagram d = ErDiagrams.of(DiagramDocuments.plan("examples/" + example + ".json"));
        Path dir = ProjectRoot.find().resolve("backbone-core/src/test/resources/golden").resolve(example).resolve("diagram");
        check(dir.resolve("er.mmd"), MermaidRenderer.render(d));
        check(dir.resolve("er.dot"), DotRenderer.render(d));
    }

    private static void check(Path golden, String actual) throws IOException {
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
        }
        assertThat(golden).as("golden file (run with -Dbackbone.updateGolden=true to write it)").exists();
        assertThat(actual).as(golden.toString()).isEqualTo(Files.readString(golden));
    }
}
