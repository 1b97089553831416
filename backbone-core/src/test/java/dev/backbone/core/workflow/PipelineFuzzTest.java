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
 * least one error finding with a known code, our words (no Java or Jackson names) and a place
 * inside the text; an accepted schema generates every target, and every {@code VERIFY_EVERY}th
 * one passes the in-JVM verification.
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

    /** Values that have broken parsers and generators elsewhere: quotes, escapes, keywords, sizes, unicode. */
    private static final List<String> HOSTILE = List.of("", " ", "\"", "\\\"", "\\u0000", "\\n", "'''", "\\\"\\\"\\\"", "\\\\",
            "); DROP TABLE users; --", "</script>", "${x}", "{{ x }}", "{% raw %}", "__init__", "class", "def", "None", "import",
            "select", "order", "user", "id", "Integer", "String", "ForeignKey", "Enum", "DateTime", "many_to_many", "one_to_one",
            "CASCADE", "users.id", "posts.id", "x.y.z", ".", "a".repeat(70), "b".repeat(1001), "\u00e9t\u00e9", "\u65e5\u672c",
            "\ud83d\ude00", "\u202e", "\ufeff", "Ω", "0", "-1", "1e309", "NaN");
    private static final List<String> LITERALS = List.of("true", "false", "null", "0", "-0", "1", "-1", "2147483648",
            "9223372036854775808", "1e400", "-1.5e-400", "0.1", "[]", "{}", "[null]", "{\"\": 1}", "\"\"", "1" + "0".repeat(1200));
    private static final String ALPHABET = "{}[]:,\"\\ \n\t0123456789.-+eEtrufalsn\u0000\u0001\u007f\u00e9\ufeff\ud800";

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
        for (int i = 0; i < INPUTS && failures.size() < 20; i++) {
            // most inputs start from a valid document, so that many mutants get past the reader
            List<String> pool = random.nextInt(10) < 7 ? seeds.subList(0, validSeeds) : seeds;
            String text = mutate(pool.get(random.nextInt(pool.size())), seeds, random);
            boolean verify = valid % VERIFY_EVERY == 0;
            try {
                String problem = check(workflow, text, verify, codes);
                if (problem == null) {
                    valid++;
                    verified += verify ? 1 : 0;
                } else if (!problem.isEmpty()) {
                    failures.add(record(i, text, problem));
                }
            } catch (Throwable t) {
                failures.add(record(i, text, "threw " + t));
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "pipeline fuzz: %d inputs (seed %d) in %d ms: %d accepted and generated (%d verified), "
                + "%d refused with findings; %d failures; refusal codes %s%n", INPUTS, SEED, millis, valid, verified,
                INPUTS - valid, failures.size(), codes);
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

    // --- mutations

    private static final int[] CHARACTER_OPS = {0, 1, 2, 3, 9, 11};
    private static final int[] VALUE_OPS = {4, 5, 6, 7, 8, 10};

    static String mutate(String seed, List<String> seeds, Random r) {
        String s = seed;
        int n = r.nextBoolean() ? 1 : 2 + r.nextInt(2);
        for (int k = 0; k < n; k++) {
            s = once(s, seeds, r);
        }
        return s;
    }

    private static String once(String s, List<String> seeds, Random r) {
        int len = s.length();
        int at = len == 0 ? 0 : r.nextInt(len);
        int span = Math.min(len - at, 1 + r.nextInt(Math.max(1, Math.min(40, len))));
        // a third of the mutations damage characters; the rest keep the text JSON more often than not
        int op = r.nextInt(3) == 0 ? CHARACTER_OPS[r.nextInt(CHARACTER_OPS.length)] : VALUE_OPS[r.nextInt(VALUE_OPS.length)];
        switch (op) {
            case 0:
                return s.substring(0, at) + s.substring(at + span);
            case 1:
                return s.substring(0, at) + ALPHABET.charAt(r.nextInt(ALPHABET.length())) + s.substring(at);
            case 2:
                return s.substring(0, at + span) + s.substring(at, at + span) + s.substring(at + span);
            case 3:
                return s.substring(0, r.nextInt(len + 1));
            case 4:
                return replaceString(s, HOSTILE.get(r.nextInt(HOSTILE.size())), r);
            case 5:
                return replaceValue(s, LITERALS.get(r.nextInt(LITERALS.size())), r);
            case 6:
                return replaceString(s, randomStringOf(seeds.get(r.nextInt(seeds.size())), r), r);
            case 7: {
                int depth = 1 + r.nextInt(r.nextBoolean() ? 10 : 120);
                return replaceValue(s, "[".repeat(depth) + "]".repeat(depth), r);
            }
            case 8:
                return "\ufeff" + s;
            case 9: {
                int other = len == 0 ? 0 : r.nextInt(len);
                int a = Math.min(at, other);
                int b = Math.max(at, other);
                int w = Math.min(span, b - a);
                return s.substring(0, a) + s.substring(b, Math.min(len, b + w)) + s.substring(a + w, b) + s.substring(a, a + w)
                        + s.substring(Math.min(len, b + w));
            }
            case 10:
                return replaceValue(s, spliceObject(seeds.get(r.nextInt(seeds.size())), r), r);
            default:
                return s.substring(0, at) + s.charAt(at == len ? 0 : at) + s.substring(at);
        }
    }

    /** Replaces the contents of a random string literal. */
    private static String replaceString(String s, String with, Random r) {
        List<int[]> spans = strings(s);
        if (spans.isEmpty()) {
            return s;
        }
        int[] p = spans.get(r.nextInt(spans.size()));
        return s.substring(0, p[0] + 1) + with + s.substring(p[1]);
    }

    /** Replaces the value after a random {@code :} (up to the next {@code ,} or closing bracket at the same depth). */
    private static String replaceValue(String s, String with, Random r) {
        List<Integer> colons = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ':') {
                colons.add(i);
            }
        }
        if (colons.isEmpty()) {
            return s;
        }
        int from = colons.get(r.nextInt(colons.size())) + 1;
        int depth = 0;
        boolean inString = false;
        int i = from;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        return s.substring(0, from) + " " + with + s.substring(i);
    }

    private static String randomStringOf(String doc, Random r) {
        List<int[]> spans = strings(doc);
        if (spans.isEmpty()) {
            return "x";
        }
        int[] p = spans.get(r.nextInt(spans.size()));
        return doc.substring(p[0] + 1, p[1]);
    }

    /** A balanced object from another document (a table, a column, a relationship), for crossover. */
    private static String spliceObject(String doc, Random r) {
        List<Integer> opens = new ArrayList<>();
        for (int i = 0; i < doc.length(); i++) {
            if (doc.charAt(i) == '{') {
                opens.add(i);
            }
        }
        if (opens.isEmpty()) {
            return "{}";
        }
        int from = opens.get(r.nextInt(opens.size()));
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < doc.length(); i++) {
            char c = doc.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return doc.substring(from, i + 1);
            }
        }
        return "{}";
    }

    /** Start (opening quote) and end (closing quote) of each string literal. */
    private static List<int[]> strings(String s) {
        List<int[]> out = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (open >= 0 && c == '\\') {
                i++;
            } else if (c == '"') {
                if (open < 0) {
                    open = i;
                } else {
                    out.add(new int[] {open, i});
                    open = -1;
                }
            }
        }
        return out;
    }
}
