package dev.backbone.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelValuesTest {

    @Test
    void cleanValuesPassUnchangedAndOthersAreCleaned() {
        String ok = "BlogBackend_v1.2-x";
        assertThat(LabelValues.clean(ok)).isSameAs(ok);
        assertThat(LabelValues.clean(" My Shop/../x ")).isEqualTo("My_Shop_.._x");
        assertThat(LabelValues.clean("x".repeat(100))).hasSize(64);
        assertThat(LabelValues.clean(null)).isEqualTo("unknown");
        assertThat(LabelValues.clean("  ")).isEqualTo("unknown");
    }

    @Test
    void pastTheCapNewValuesShareOther() {
        LabelValues v = new LabelValues(2);
        assertThat(v.bounded("a")).isEqualTo("a");
        assertThat(v.bounded("b")).isEqualTo("b");
        assertThat(v.bounded("c")).isEqualTo("other");
        assertThat(v.bounded("a")).isEqualTo("a");
    }

    @Test
    void llmErrorsMapToTheAgentsVocabulary() {
        assertThat(LabelValues.llmErrorType("rate_limited")).isEqualTo("rate_limited");
        assertThat(LabelValues.llmErrorType("HttpTimeoutException")).isEqualTo("timeout");
        assertThat(LabelValues.llmErrorType("HTTP 429")).isEqualTo("rate_limited");
        assertThat(LabelValues.llmErrorType("401 Unauthorized")).isEqualTo("authentication");
        assertThat(LabelValues.llmErrorType("ConnectException")).isEqualTo("network");
        assertThat(LabelValues.llmErrorType("JsonParseException")).isEqualTo("invalid_response");
        assertThat(LabelValues.llmErrorType("something else")).isEqualTo("other");
    }
}
