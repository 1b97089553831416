package dev.backbone.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.FindingCode;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.verify.VerifyMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzzer over the reader, the validator, the architect and the generator
 * (Jazzer's JUnit integration does not resolve here). Seeds are the examples and every corpus
 * and finding fixture; each input is one to four mutations of a seed (characters deleted,
 * inserted, repeated or swapped, literals replaced by hostile or spliced values, truncation,
 * deep nesting, a byte-order mark). The properties: nothing throws (or errors); a refusal is at
 * least one error finding with a known code, worded by that code's template (no Java or Jackson
 * names), at a place inside the text; an accepted schema generates every target, and every
 * {@code VERIFY_EVERY}th one passes the in-JVM verification.
 *
 * <p>CI runs {@value #DEFAULT_INPUTS} inputs (seconds). The long run is documented in
 * docs/security.md: {@code -Dbackbone.fuzz.inputs=100000} (and {@code -Dbackbone.fuzz.seed=N}
 * for another sequence). A failing input is written to {@code target/fuzz-failures/} with its
 * index, so it can be replayed.
 */
class PipelineFuzzTest {

    static final int DEFAULT_INPUTS = 1000;
    private static final int INPUTS = Integer.getInteger("backbone.fuzz.inputs", DEFAULT_INPUTS);
    private static final long SEED = Long.getLong("backbone.fuzz.seed", 20261201L);
    private static final int VERIFY_EVERY = Integer.getInteger("backbone.fuzz.verifyEvery", 20);

    private static final Set<String> CODES = Arrays.stream(FindingCode.values()).map(Enum::name).collect(Collectors.toSet());
    private static final List<String> LEAKS = List.of("tools.jackson", "StreamReadConstraints", "getMax", "Exception", "java.",
            "null pointer", "NullPointer", "\tat ");

    private static List<String> seeds() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        assertThat(root).as("the repository root (with mvnw)").isNotNull();
        List<Path> dirs = List.of(root.resolve("examples"), root.resolve("backbone-core/src/test/resources/sql-corpus"),
                root.resolve("backbone-core/src/test/resources/sqlalchemy-corpus"),
                root.resolve("backbone-core/src/test/resources/findings"));
        List<String> out = new ArrayList<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(d)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".expected.json")
                        && !f.toString().endsWith(".limits.json")).sorted().toList()) {
                    out.add(Files.readString(p, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(out).as("seed documents").hasSizeGreaterThan(10);
        List<String> ordered = new ArrayList<>(out.stream().filter(PipelineFuzzTest::isValid).toList());
        ordered.addAll(out.stream().filter(t -> !isValid(t)).toList());
        return ordered;
    }

    @Test
    void mutatedDocumentsNeverThrowAndEveryRefusalIsAFinding() throws IOException {
        List<String> seeds = seeds();
        int validSeeds = (int) seeds.stream().takeWhile(PipelineFuzzTest::isValid).count();
        Random random = new Random(SEED);
        Workflow workflow = new Workflow();
        List<String> failures = new ArrayList<>();
        TreeMap<String, Integer> codes = new TreeMap<>();
        int valid = 0;
        int verified = 0;
        long start = System.nanoTime();
        TreeMap<String, Integer> kinds = new TreeMap<>();
        for (int i = 0; i < INPUTS; i++) {
            // most inputs start from a valid document, so that many mutants get past the reader
            List<String> pool = random.nextInt(10) < 7 ? seeds.subList(0, validSeeds) : seeds;
            String text = SchemaMutations.mutate(pool.get(random.nextInt(pool.size())), seeds, random);
            boolean verify = valid % VERIFY_EVERY == 0;
            try {
                String problem = check(workflow, text, verify, codes);
                if (problem == null) {
                    valid++;
                    verified += verify ? 1 : 0;
                } else if (!problem.isEmpty()) {
                    fail(failures, kinds, i, text, problem);
                }
            } catch (Throwable t) {
                fail(failures, kinds, i, text, "threw " + t);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "pipeline fuzz: %d inputs (seed %d) in %d ms: %d accepted and generated (%d verified), "
                + "%d refused with findings; %d failures %s; refusal codes %s%n", INPUTS, SEED, millis, valid, verified,
                INPUTS - valid - kinds.values().stream().mapToInt(Integer::intValue).sum(),
                kinds.values().stream().mapToInt(Integer::intValue).sum(), kinds, codes);
        assertThat(failures).as("inputs that broke a property (saved under target/fuzz-failures)").isEmpty();
    }

    private static boolean isValid(String text) {
        return new Workflow().validate(text, Limits.SERVICE, WorkflowListener.NONE).valid();
    }

    /** Null when accepted and generated, "" when refused properly, otherwise what went wrong. */
    private static String check(Workflow workflow, String text, boolean verify, TreeMap<String, Integer> codes) {
        ValidationOutcome v = workflow.validate(text, Limits.SERVICE, WorkflowListener.NONE);
        String bad = findingsProblem(v.findings(), text);
        if (bad != null) {
            return bad;
        }
        if (!v.valid()) {
            List<Finding> errors = v.errors();
            if (errors.isEmpty() && v.plan() == null) {
                return "refused without an error finding";
            }
            errors.stream().map(Finding::code).distinct().forEach(c -> codes.merge(c, 1, Integer::sum));
            return "";
        }
        GenerationOutcome g = workflow.generate(new GenerateRequest("fuzz.json", text, GenerateRequest.DEFAULT_TARGETS, null,
                verify ? VerifyMode.FAST : VerifyMode.NONE, Limits.SERVICE, false), WorkflowListener.NONE);
        if (!g.validation().valid() || g.files().isEmpty()) {
            return "valid when validated, refused when generated";
        }
        for (GeneratedFile f : g.files()) {
            if (f.path() == null || f.path().isBlank() || f.content() == null) {
                return "a generated file without a path or content";
            }
        }
        if (verify && !g.verify().passed()) {
            return "generated code failed verification: " + g.verify().checks().stream()
                    .filter(c -> c.status() == dev.backbone.core.verify.VerifyReport.Status.FAILED)
                    .map(c -> c.path() + ": " + c.message()).findFirst().orElse("?");
        }
        return null;
    }

    private static String findingsProblem(List<Finding> findings, String text) {
        int lines = (int) text.lines().count() + 1;
        for (Finding f : findings) {
            if (!CODES.contains(f.code())) {
                return "unknown code " + f.code();
            }
            if (f.message() == null || f.message().isBlank()) {
                return "a finding without a message: " + f.code();
            }
            if (!FindingCode.valueOf(f.code()).template().matches(f.message())) {
                return "a message not worded by its code's template: " + f.code() + ": " + f.message();
            }
            for (String leak : LEAKS) {
                if (f.message().contains(leak)) {
                    return "a message naming internals (" + leak + "): " + f.message();
                }
            }
            if (f.line() < 1 || f.column() < 1 || f.line() > lines) {
                return "a position outside the text: " + f.line() + ":" + f.column() + " for " + f.code();
            }
        }
        return null;
    }

    /** Keeps the first 20 failures whole (and their inputs on disk), and counts every failure by its kind. */
    private static void fail(List<String> failures, TreeMap<String, Integer> kinds, int index, String text, String problem) {
        String kind = problem.replaceAll("\\d+", "N");
        kinds.merge(kind.length() > 90 ? kind.substring(0, 90) : kind, 1, Integer::sum);
        if (failures.size() < 20) {
            failures.add(record(index, text, problem));
        }
    }

    private static String record(int index, String text, String problem) {
        try {
            Path dir = Path.of("target/fuzz-failures");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(SEED + "-" + index + ".json"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the failure itself is still reported
        }
        return "input " + index + ": " + problem;
    }
}
