package dev.backbone.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each finding code is raised by one stage of the pipeline, so its message is worded in one
 * place whichever check finds it: the reader and the schema_validator ({@code schema/},
 * {@code validate/}) own the rules of the format, the architect ({@code plan/}) only what
 * planning finds (cycles, pairing, names), and never checks a rule of the format again.
 * Read from the engine's sources, so a check copied into the other stage fails here.
 */
class FindingCodeStageTest {

    private static final Pattern CODE = Pattern.compile("FindingCode\\.([A-Z][A-Z_]+)\\b");

    /** Which stage each package belongs to; other packages raise no findings. */
    private static String stage(Path file) {
        String p = file.toString().replace('\\', '/');
        if (p.contains("/core/plan/")) {
            return "architect";
        }
        if (p.contains("/core/validate/") || p.contains("/core/schema/")) {
            return "schema_validator";
        }
        return "other: " + p;
    }

    private static Map<String, Set<String>> stagesByCode() throws IOException {
        Path main = ProjectRoot.find().resolve("backbone-core/src/main/java/dev/backbone/core");
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.getFileName().toString().equals("FindingCode.java")) {
                    continue;
                }
                Matcher m = CODE.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals("values")) {
                        out.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(stage(f));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everyCodeIsRaisedByExactlyOneStage() throws IOException {
        Map<String, Set<String>> stages = stagesByCode();
        assertThat(stages).as("finding codes raised by more than one stage (one wording per code)")
                .allSatisfy((code, s) -> assertThat(s).as(code).hasSize(1).noneMatch(x -> x.startsWith("other")));
    }

    @Test
    void everyCodeIsRaisedSomewhere() throws IOException {
        Set<String> raised = stagesByCode().keySet();
        List<String> never = Arrays.stream(FindingCode.values()).map(Enum::name).filter(c -> !raised.contains(c)).toList();
        assertThat(never).as("finding codes no check raises").isEmpty();
    }

    @Test
    void theArchitectOwnsOnlyWhatPlanningFinds() throws IOException {
        Set<String> architect = new TreeSet<>();
        stagesByCode().forEach((code, s) -> {
            if (s.contains("architect")) {
                architect.add(code);
            }
        });
        assertThat(architect).containsExactlyInAnyOrder("BUILD_ORDER_INCOMPLETE", "CIRCULAR_DEPENDENCY",
                "DEFERRED_FOREIGN_KEY", "SECONDARY_TABLE_CONFLICT", "REL_AMBIGUOUS_FOREIGN_KEY",
                "REL_FOREIGN_KEY_NOT_FOUND", "REL_NO_FOREIGN_KEY", "DUPLICATE_RELATIONSHIP_NAME",
                "MISSING_BACK_POPULATES", "BACK_POPULATES_MISMATCH");
    }
}
