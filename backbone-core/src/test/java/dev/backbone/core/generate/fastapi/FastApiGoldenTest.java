package dev.backbone.core.generate.fastapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.verify.VerifyMode;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.workflow.GenerateRequest;
import dev.backbone.core.workflow.GenerationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fastapi target's output for each example, checked in under
 * {@code src/test/resources/golden/<example>/fastapi/}: a change to the generated code shows
 * up in review as a diff of these files. Generated through the whole workflow
 * ({@code new Workflow().generate(...)}). Run with {@code -Dbackbone.updateGolden=true} to
 * rewrite them after an intended change (see the README of that folder).
 */
class FastApiGoldenTest {

    private static final boolean UPDATE = Boolean.getBoolean("backbone.updateGolden");

    static Stream<String> examples() {
        return GeneratedApps.examples().stream().map(p -> p.getFileName().toString().replace(".json", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void matchesTheCheckedInFiles(String example) throws IOException {
        String json = GeneratedApps.read(GeneratedApps.projectRoot().resolve("examples").resolve(example + ".json"));
        GenerationOutcome out = new Workflow().generate(new GenerateRequest(example + ".json", json,
                List.of(FastApiTarget.NAME), null, VerifyMode.NONE, Limits.DEFAULTS, false), WorkflowListener.NONE);
        assertThat(out.validation().valid()).as("the example is valid").isTrue();
        // the workflow may add files of its own (the project README): compare this target's files
        List<GeneratedFile> files = out.files().stream().filter(f -> !f.path().equals("README.md")).toList();
        Path dir = GeneratedApps.projectRoot().resolve("backbone-core/src/test/resources/golden").resolve(example).resolve("fastapi");
        if (UPDATE) {
            rewrite(dir, files);
        }
        assertThat(listed(dir)).as("files under " + dir + " (run with -Dbackbone.updateGolden=true to update)")
                .containsExactlyInAnyOrderElementsOf(files.stream().map(GeneratedFile::path).toList());
        for (GeneratedFile f : files) {
            assertThat(f.content()).as(f.path() + " (run with -Dbackbone.updateGolden=true to update)")
                    .isEqualTo(Files.readString(dir.resolve(f.path()), StandardCharsets.UTF_8));
        }
    }

    private static void rewrite(Path dir, List<GeneratedFile> files) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (GeneratedFile f : files) {
            Path p = dir.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.content(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> listed(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();
        }
    }
}
