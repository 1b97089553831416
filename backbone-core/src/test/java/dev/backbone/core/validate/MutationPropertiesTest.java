package dev.backbone.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.json.PositionalJsonParser;
import dev.backbone.core.schema.SchemaReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random damage to the valid examples (a field dropped, a value of another JSON type, random
 * unicode, deep nesting, huge numbers, duplicate keys, truncation) never makes reading and
 * validating throw: the answer is always a list of well-formed findings in document order.
 */
class MutationPropertiesTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> CODES = Arrays.stream(FindingCode.values()).map(Enum::name).collect(Collectors.toSet());
    private static final List<String> EXAMPLES = loadExamples();

    private static List<String> loadExamples() {
        try {
            List<String> out = new ArrayList<>();
            for (String f : List.of("blog_schema.json", "ecommerce_schema.json", "simple_schema.json")) {
                out.add(Files.readString(ExamplesValidationTest.examples().resolve(f)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and validates; the property is that this returns, with findings a user can act on. */
    private static List<Finding> check(String text) {
        SchemaReader.Result r = SchemaReader.read(text);
        List<Finding> findings = new SchemaValidator(Limits.SERVICE).validate(r.schema(), r.findings());
        assertThat(findings).isNotNull().isSortedAccordingTo(SchemaValidator.DOCUMENT_ORDER);
        assertThat(findings).allSatisfy(f -> {
            assertThat(CODES).contains(f.code());
            assertThat(f.message()).isNotBlank();
            assertThat(FindingCode.valueOf(f.code()).template().matches(f.message())).as("%s worded by its template: %s",
                    f.code(), f.message()).isTrue();
            assertThat(f.path()).isNotNull();
            assertThat(f.line()).isPositive();
            assertThat(f.column()).isPositive();
        });
        if (r.schema() == null) {
            assertThat(findings).filteredOn(Finding::isError).isNotEmpty();
        }
        return findings;
    }

    // --- the mutations

    enum Kind { DROP_FIELD, REPLACE_VALUE, RANDOM_STRING, NEST_DEEPLY, HUGE_NUMBER }

    /** Seeds of the runs: fixed, so a failure is reproducible by its seed (printed in the test name). */
    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.range(0, 200).map(i -> i * 0x9E3779B97F4A7C15L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutatedExamplesNeverThrow(long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 2; i++) {
            Kind kind = Kind.values()[rnd.nextInt(Kind.values().length)];
            check(mutate(EXAMPLES.get(rnd.nextInt(EXAMPLES.size())), kind, rnd, randomString(rnd, 40), 1 + rnd.nextInt(120)));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void severalMutationsAtOnceNeverThrow(long seed) {
        Random rnd = new Random(seed);
        String text = EXAMPLES.get(rnd.nextInt(EXAMPLES.size()));
        for (int i = 0; i < 1 + rnd.nextInt(6); i++) {
            text = mutate(text, Kind.values()[rnd.nextInt(Kind.values().length)], rnd, "s" + rnd.nextInt(), 1 + rnd.nextInt(3));
            if (!parses(text)) {
                break;
            }
        }
        check(text);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void nestingBeyondTheLimitIsASyntaxErrorNotACrash(long seed) {
        Random rnd = new Random(seed);
        int depth = 1 + rnd.nextInt(300);
        String text = mutate(EXAMPLES.get(rnd.nextInt(EXAMPLES.size())), Kind.NEST_DEEPLY, rnd, "x", depth);
        List<Finding> findings = check(text);
        if (depth > PositionalJsonParser.MAX_DEPTH) {
            assertThat(findings).extracting(Finding::code).containsExactly("JSON_SYNTAX_ERROR");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void truncatedTextIsOneSyntaxError(long seed) {
        Random rnd = new Random(seed);
        String full = EXAMPLES.get(rnd.nextInt(EXAMPLES.size()));
        int end = full.lastIndexOf('}');
        String text = full.substring(0, rnd.nextInt(end));
        assertThat(check(text)).extracting(Finding::code).containsExactly("JSON_SYNTAX_ERROR");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void duplicateKeysAreASyntaxError(long seed) {
        Random rnd = new Random(seed);
        String text = EXAMPLES.get(rnd.nextInt(EXAMPLES.size()));
        Matcher m = Pattern.compile("\\{\\s*\"([^\"]+)\":").matcher(text);
        List<int[]> starts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start()});
            keys.add(m.group(1));
        }
        int k = rnd.nextInt(starts.size());
        int at = starts.get(k)[0] + 1;
        String damaged = text.substring(0, at) + "\"" + keys.get(k) + "\": 0, " + text.substring(at);
        List<Finding> findings = check(damaged);
        assertThat(findings).extracting(Finding::code).containsExactly("JSON_SYNTAX_ERROR");
        assertThat(findings.get(0).message()).containsIgnoringCase("duplicate");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyUnicodeInAnyStringIsReportedNotThrown(long seed) {
        Random rnd = new Random(seed);
        check(mutate(EXAMPLES.get(rnd.nextInt(EXAMPLES.size())), Kind.RANDOM_STRING, rnd, unicode(rnd), 1));
    }

    private static final List<String> NASTY = List.of("", " ", "..", "../../etc/passwd", "a/b", "-rf", "\u202e",
            "\uD83D\uDE00", "\uD800", "\u0000", "id", "users.id", "SET NULL", "Enum", "ForeignKey", "one_to_many",
            "x".repeat(2000));

    private static String unicode(Random rnd) {
        return switch (rnd.nextInt(3)) {
            case 0 -> randomString(rnd, 60);
            case 1 -> {
                StringBuilder b = new StringBuilder();
                for (int i = rnd.nextInt(6); i > 0; i--) {
                    b.append((char) rnd.nextInt(0x20));
                }
                yield b.toString();
            }
            default -> NASTY.get(rnd.nextInt(NASTY.size()));
        };
    }

    /** Any UTF-16 code units, lone surrogates included. */
    private static String randomString(Random rnd, int maxLength) {
        StringBuilder b = new StringBuilder();
        for (int i = rnd.nextInt(maxLength + 1); i > 0; i--) {
            b.append((char) (rnd.nextInt(4) == 0 ? rnd.nextInt(0x10000) : 0x20 + rnd.nextInt(0x5f)));
        }
        return b.toString();
    }

    // --- applying a mutation to a parsed copy of the document

    private static String mutate(String text, Kind kind, Random rnd, String string, int depth) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (RuntimeException notJson) {
            return text; // an earlier mutation already broke it: leave it broken
        }
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty()) {
            return text;
        }
        Slot slot = slots.get(rnd.nextInt(slots.size()));
        switch (kind) {
            case DROP_FIELD -> slot.remove();
            case REPLACE_VALUE -> slot.set(randomValue(rnd, 3, string));
            case RANDOM_STRING -> slot.set(NODES.stringNode(string));
            case NEST_DEEPLY -> slot.set(nest(slot.get(), depth, rnd));
            case HUGE_NUMBER -> slot.set(hugeNumber(rnd));
        }
        return rnd.nextBoolean() ? MAPPER.writeValueAsString(root) : MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static boolean parses(String text) {
        try {
            MAPPER.readTree(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A place holding a value: a field of an object or an item of an array. */
    private record Slot(JsonNode parent, String field, int index) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode v) {
            if (field != null) {
                ((ObjectNode) parent).set(field, v);
            } else {
                ((ArrayNode) parent).set(index, v);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> out) {
        if (node instanceof ObjectNode o) {
            for (String name : new ArrayList<>(o.propertyNames())) {
                out.add(new Slot(o, name, -1));
                collect(o.get(name), out);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new Slot(a, null, i));
                collect(a.get(i), out);
            }
        }
    }

    private static JsonNode randomValue(Random rnd, int depth, String string) {
        int pick = rnd.nextInt(depth > 0 ? 9 : 7);
        return switch (pick) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(rnd.nextBoolean());
            case 2 -> NODES.numberNode(rnd.nextInt());
            case 3 -> NODES.numberNode(rnd.nextDouble() * Math.pow(10, rnd.nextInt(600) - 300));
            case 4 -> NODES.stringNode(string);
            case 5 -> hugeNumber(rnd);
            case 6 -> NODES.numberNode(rnd.nextLong());
            case 7 -> {
                ArrayNode a = NODES.arrayNode();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    a.add(randomValue(rnd, depth - 1, string));
                }
                yield a;
            }
            default -> {
                ObjectNode o = NODES.objectNode();
                for (String k : List.of("name", "type", "target", "values", "default", "length", "columns", "x")) {
                    if (rnd.nextInt(3) == 0) {
                        o.set(k, randomValue(rnd, depth - 1, string));
                    }
                }
                yield o;
            }
        };
    }

    private static JsonNode hugeNumber(Random rnd) {
        BigInteger big = BigInteger.TEN.pow(20 + rnd.nextInt(1200));
        return switch (rnd.nextInt(4)) {
            case 0 -> NODES.numberNode(big);
            case 1 -> NODES.numberNode(big.negate());
            case 2 -> NODES.numberNode(new java.math.BigDecimal(big, -rnd.nextInt(100_000)));
            default -> NODES.numberNode(new java.math.BigDecimal(BigInteger.ONE, rnd.nextInt(100_000)));
        };
    }

    private static JsonNode nest(JsonNode inner, int depth, Random rnd) {
        JsonNode v = inner;
        for (int i = 0; i < depth; i++) {
            if (rnd.nextBoolean()) {
                v = NODES.arrayNode().add(v);
            } else {
                v = NODES.objectNode().set("n", v);
            }
        }
        return v;
    }
}
