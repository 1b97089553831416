package dev.backbone.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/schema-format.md} lists every finding code a user can meet, with the severity the
 * code really has and its one message, and nothing that is not a code: the tables and
 * {@link FindingCode} move together.
 */
class FindingCodeDocsTest {

    /** A row of the findings table: {@code | `CODE` | severity | when | how to fix |}. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([A-Z][A-Z0-9_]*)`\\s*\\|\\s*(\\w+)\\s*\\|(.*)\\|(.*)\\|\\s*$");

    /** A row of the messages table: {@code | `CODE` | `` template `` |}. */
    private static final Pattern MESSAGE_ROW = Pattern.compile("^\\|\\s*`([A-Z][A-Z0-9_]*)`\\s*\\|\\s*`` (.*) ``\\s*\\|\\s*$");

    private static final Map<String, String> documented = new LinkedHashMap<>();
    private static final Map<String, String> messages = new LinkedHashMap<>();

    @BeforeAll
    static void readTable() throws IOException {
        Path doc = ProjectRoot.find().resolve("docs/schema-format.md");
        List<String> lines = Files.readAllLines(doc);
        int start = lines.indexOf("### Every finding code");
        assertThat(start).as("heading '### Every finding code' in %s", doc).isNotNegative();
        int wording = lines.indexOf("### The message of each code");
        assertThat(wording).as("heading '### The message of each code' in %s", doc).isGreaterThan(start);
        for (String line : lines.subList(wording, lines.size())) {
            Matcher m = MESSAGE_ROW.matcher(line);
            if (m.matches()) {
                assertThat(messages.put(m.group(1), m.group(2))).as("message of %s listed twice", m.group(1)).isNull();
            }
        }
        for (String line : lines.subList(start, wording)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                assertThat(m.group(3).strip()).as("'when' of %s", m.group(1)).isNotEmpty();
                assertThat(m.group(4).strip()).as("'how to fix' of %s", m.group(1)).isNotEmpty();
                assertThat(documented.put(m.group(1), m.group(2))).as("%s listed twice", m.group(1)).isNull();
            }
        }
    }

    @Test
    void everyFindingCodeIsDocumented() {
        List<String> missing = Arrays.stream(FindingCode.values()).map(Enum::name)
                .filter(c -> !documented.containsKey(c)).toList();
        assertThat(missing).as("codes missing from docs/schema-format.md").isEmpty();
    }

    @Test
    void everyDocumentedCodeExists() {
        List<String> codes = Arrays.stream(FindingCode.values()).map(Enum::name).toList();
        assertThat(documented.keySet()).as("codes in docs/schema-format.md that FindingCode lacks")
                .isNotEmpty().allSatisfy(c -> assertThat(codes).contains(c));
    }

    @Test
    void everyCodesMessageIsItsTemplate() {
        assertThat(messages.keySet()).as("codes in the messages table")
                .containsExactly(Arrays.stream(FindingCode.values()).map(Enum::name).toArray(String[]::new));
        for (FindingCode code : FindingCode.values()) {
            assertThat(messages.get(code.name())).as("documented message of %s", code).isEqualTo(code.template().text());
        }
    }

    @Test
    void documentedSeverityIsTheCodesSeverity() {
        for (FindingCode code : FindingCode.values()) {
            if (documented.containsKey(code.name())) {
                assertThat(documented.get(code.name())).as("severity of %s in the docs", code).isEqualTo(code.severity().wire());
            }
        }
    }
}
