package dev.backbone.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The example schemas existing users start from must validate without errors. */
class ExamplesValidationTest {

    static Path examples() {
        return ProjectRoot.find().resolve("examples");
    }

    @ParameterizedTest
    @ValueSource(strings = {"blog_schema.json", "ecommerce_schema.json", "simple_schema.json"})
    void exampleHasNoErrors(String file) throws IOException {
        List<Finding> findings = ValidationHarness.validate(Files.readString(examples().resolve(file)));
        assertThat(findings).filteredOn(Finding::isError).isEmpty();
        assertThat(findings).extracting(Finding::code).doesNotContain("UNKNOWN_FIELD");
    }
}
