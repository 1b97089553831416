package dev.backbone.core.regenerate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code kill -9} of a child process regenerating a 200-table project (a one-column
 * change, so its files are rewritten and a migration added), at moments spread over the run:
 * the folder is always exactly as before or exactly as after, and the next run removes what
 * the killed one left next to it.
 */
class KillDuringRegenerationTest {

    @Test
    void aKilledRegenerationLeavesBeforeOrAfter(@TempDir Path dir) throws Exception {
        String before = Projects.synthetic(200, false);
        String after = Projects.synthetic(200, true);
        Path schema = dir.resolve("new.json");
        Files.writeString(schema, after);
        Path template = dir.resolve("template");
        Projects.create(template.resolve("p"), before);
        Map<String, String> beforeTree = Projects.tree(template.resolve("p"));

        Path reference = copy(template, dir.resolve("reference"));
        long start = System.nanoTime();
        Process full = child(reference, schema);
        assertThat(full.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(full.exitValue()).as(new String(full.getErrorStream().readAllBytes())).isZero();
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        Map<String, String> afterTree = Projects.tree(reference);
        assertThat(afterTree).isNotEqualTo(beforeTree);

        int sawBefore = 0;
        int sawAfter = 0;
        double[] fractions = {0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95};
        for (int i = 0; i < fractions.length; i++) {
            Path run = copy(template, dir.resolve("run" + i));
            Process p = child(run, schema);
            Thread.sleep((long) (durationMs * fractions[i]));
            p.destroyForcibly();
            p.waitFor(60, TimeUnit.SECONDS);
            Map<String, String> now = Projects.tree(run);
            boolean isBefore = now.equals(beforeTree);
            boolean isAfter = now.equals(afterTree);
            assertThat(isBefore || isAfter).as("run " + i + " killed at " + fractions[i] + " of " + durationMs + " ms").isTrue();
            sawBefore += isBefore ? 1 : 0;
            sawAfter += isAfter ? 1 : 0;
            // the next run cleans up what the killed one left next to the project
            Regeneration.Prepared next = Projects.prepare(run, after);
            dev.backbone.core.write.ProjectWriter.apply(run, next.plan());
            assertThat(Projects.tree(run)).isEqualTo(afterTree);
            try (var s = Files.list(run.getParent())) {
                assertThat(s.map(x -> x.getFileName().toString()).filter(n -> n.startsWith(".p.") || n.startsWith(".run")))
                        .as("temporary folders left next to run " + i).isEmpty();
            }
        }
        System.out.println("kill test: regeneration took " + durationMs + " ms; killed runs left before " + sawBefore
                + " times, after " + sawAfter + " times");
    }

    private static Process child(Path project, Path schema) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                RegenerateChild.class.getName(), project.toString(), schema.toString()));
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static Path copy(Path template, Path to) throws Exception {
        Path from = template.resolve("p");
        Path dest = to.resolve("p");
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path d = dest.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(d);
                } else {
                    Files.copy(p, d);
                }
            }
        }
        return dest;
    }

}
