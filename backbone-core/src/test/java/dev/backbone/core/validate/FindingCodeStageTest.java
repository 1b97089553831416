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
 * Each finding code is raised by one stage of the pipeline: the reader and the schema_validator
 * ({@code schema/}, {@code validate/}) own the rules of the format, those of single elements
 * and those of the document as a whole ({@code validate/links/}: cycles, pairing, names); the
 * schema diff ({@code migrate/}) owns what only a comparison of two documents finds; the
 * architect ({@code plan/}) takes a validated document and raises nothing. Read from the
 * engine's sources, so a check copied into another stage fails here.
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
        if (p.contains("/core/migrate/")) {
            return "schema_diff";
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
    void theArchitectRaisesNothing() throws IOException {
        Set<String> architect = new TreeSet<>();
        stagesByCode().forEach((code, s) -> {
            if (s.contains("architect")) {
                architect.add(code);
            }
        });
        assertThat(architect).as("codes raised in plan/").isEmpty();
        Path plan = ProjectRoot.find().resolve("backbone-core/src/main/java/dev/backbone/core/plan");
        try (Stream<Path> files = Files.walk(plan)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                assertThat(Files.readString(f)).as("%s names no finding", f.getFileName())
                        .doesNotContain("import dev.backbone.core.validate.Finding;").doesNotContain("FindingCode");
            }
        }
    }

    @Test
    void theDocumentWideRulesOwnWhatResolvingReferencesFinds() throws IOException {
        Path links = ProjectRoot.find().resolve("backbone-core/src/main/java/dev/backbone/core/validate/links");
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(links)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CODE.matcher(Files.readString(f));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        assertThat(codes).containsExactlyInAnyOrder("BUILD_ORDER_INCOMPLETE", "CIRCULAR_DEPENDENCY",
                "DEFERRED_FOREIGN_KEY", "SECONDARY_TABLE_CONFLICT", "REL_AMBIGUOUS_FOREIGN_KEY",
                "REL_FOREIGN_KEY_NOT_FOUND", "REL_NO_FOREIGN_KEY", "DUPLICATE_RELATIONSHIP_NAME",
                "MISSING_BACK_POPULATES", "BACK_POPULATES_MISMATCH");
    }
}
