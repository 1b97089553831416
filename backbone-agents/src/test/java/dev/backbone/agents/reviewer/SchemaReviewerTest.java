package dev.backbone.agents.reviewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.agents.llm.LlmAgent;
import dev.backbone.agents.llm.LlmProvider;
import dev.backbone.agents.llm.LlmSettings;
import dev.backbone.agents.llm.ProviderConfig;
import dev.backbone.agents.testsupport.CapturedOutput;
import dev.backbone.agents.testsupport.Documents;
import dev.backbone.agents.testsupport.ProviderStub;
import dev.backbone.agents.testsupport.RecordingListener;
import dev.backbone.agents.testsupport.TestLlm;
import dev.backbone.agents.testsupport.Validation;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.core.workflow.WorkflowListener;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchemaReviewerTest {

    private static final String DOC = Documents.load("with-unknown-field.json");
    private static final ValidationOutcome OUTCOME = Validation.validate(DOC, WorkflowListener.NONE);

    private static final String REPLY = """
            Here is my review:
            ```json
            {"suggestions": [
              {"path": "/schema/1/columns/1", "severity": "suggestion", "message": "Index title: books are searched by title."},
              {"path": "/schema/0/columns/1", "severity": "WARNING", "message": "Author names are not unique; consider a unique email."},
              {"path": "not a pointer", "severity": "critical", "message": "Consider timestamps on books."},
              {"path": "/schema/0", "severity": "suggestion"},
              "junk"
            ]}
            ```""";

    @ParameterizedTest
    @EnumSource(LlmProvider.class)
    void suggestionsComeBackFromEveryProviderParsedDefensively(LlmProvider provider) {
        try (ProviderStub stub = new ProviderStub(provider)) {
            stub.reply(REPLY, 321, 54);
            RecordingListener listener = new RecordingListener();

            Review r = reviewer(TestLlm.settings(provider, stub)).review(DOC, OUTCOME, listener);

            assertThat(r.ok()).as("%s", r).isTrue();
            assertThat(r.suggestions()).containsExactly(
                    new Suggestion("/schema/1/columns/1", "suggestion", "Index title: books are searched by title."),
                    new Suggestion("/schema/0/columns/1", "warning", "Author names are not unique; consider a unique email."),
                    new Suggestion("", "suggestion", "Consider timestamps on books."));
            assertThat(listener.llmCalls).singleElement().satisfies(c -> {
                assertThat(c.provider()).isEqualTo(provider.wire());
                assertThat(c.promptTokens()).isEqualTo(321);
                assertThat(c.completionTokens()).isEqualTo(54);
            });
            assertThat(listener.eventsOf("schema_reviewer"))
                    .containsExactly("started:schema_reviewer", "finished:schema_reviewer:success");
        }
    }

    @Test
    void thePromptCarriesTheDocumentAndWhatTheValidatorAlreadySaid() {
        try (ProviderStub stub = new ProviderStub(LlmProvider.OPENAI)) {
            stub.reply("{\"suggestions\": []}", 1, 1);

            Review r = reviewer(TestLlm.settings(LlmProvider.OPENAI, stub)).review(DOC, OUTCOME, new RecordingListener());

            assertThat(r.ok()).isTrue();
            assertThat(r.suggestions()).isEmpty();
            assertThat(OUTCOME.findings()).extracting(f -> f.code()).contains("UNKNOWN_FIELD");
            assertThat(stub.requests().get(0).body())
                    .contains("UNKNOWN_FIELD", "nulable", "/schema/0/columns/1/nulable", "Validator status: " + OUTCOME.status())
                    .contains("authors", "\\\"suggestions\\\"");
        }
    }

    @Test
    void aBareArrayIsAcceptedToo() {
        try (ProviderStub stub = new ProviderStub(LlmProvider.ANTHROPIC)) {
            stub.reply("[{\"path\": \"/schema/0\", \"severity\": \"warning\", \"message\": \"Add timestamps.\"}]", 1, 1);

            Review r = reviewer(TestLlm.settings(LlmProvider.ANTHROPIC, stub)).review(DOC, OUTCOME, new RecordingListener());

            assertThat(r.suggestions()).containsExactly(new Suggestion("/schema/0", "warning", "Add timestamps."));
        }
    }

    @Test
    void anUnusableReplyIsAnInvalidResponseWithNoSuggestionsAndNoException() {
        for (String reply : new String[] {"Looks good to me!", "{\"verdict\": \"fine\"}", "{\"suggestions\": [{\"path\": \"/\"}]}"}) {
            try (ProviderStub stub = new ProviderStub(LlmProvider.OPENAI)) {
                stub.reply(reply, 12, 3);
                RecordingListener listener = new RecordingListener();

                Review r = reviewer(TestLlm.settings(LlmProvider.OPENAI, stub)).review(DOC, OUTCOME, listener);

                assertThat(r.ok()).as(reply).isFalse();
                assertThat(r.errorType()).isEqualTo("invalid_response");
                assertThat(r.suggestions()).isEmpty();
                assertThat(listener.llmCalls).singleElement().satisfies(c -> {
                    assertThat(c.errorType()).isEqualTo("invalid_response");
                    assertThat(c.promptTokens()).as("tokens were spent all the same").isEqualTo(12);
                });
                assertThat(listener.eventsOf("schema_reviewer")).containsExactly(
                        "started:schema_reviewer", "error:schema_reviewer:invalid_response", "finished:schema_reviewer:failure");
            }
        }
    }

    @Test
    void providerErrorsBecomeAFailedReviewWithoutTheKey() {
        try (ProviderStub stub = new ProviderStub(LlmProvider.GOOGLE); CapturedOutput out = new CapturedOutput()) {
            stub.answer(429, "{\"error\":{\"code\":429,\"message\":\"quota exceeded for key " + TestLlm.KEY + "\"}}", Duration.ZERO);
            RecordingListener listener = new RecordingListener();

            Review r = reviewer(TestLlm.settings(LlmProvider.GOOGLE, stub)).review(DOC, OUTCOME, listener);

            assertThat(r.errorType()).isEqualTo("rate_limited");
            assertThat(r.message()).contains("HTTP 429", "quota exceeded").doesNotContain(TestLlm.KEY);
            assertThat(r.toString()).doesNotContain(TestLlm.KEY);
            assertThat(out.text()).contains("error_type=rate_limited").doesNotContain(TestLlm.KEY);
        }
    }

    @Test
    void withoutAKeyTheReviewSaysWhatToSet() {
        RecordingListener listener = new RecordingListener();

        Review r = SchemaReviewer.create(LlmSettings.from(Map.of("DEFAULT_LLM_PROVIDER", "google"))).review(DOC, OUTCOME, listener);

        assertThat(r.errorType()).isEqualTo("not_configured");
        assertThat(r.message()).isEqualTo("LLM provider 'google' not configured: GOOGLE_API_KEY is not set");
        assertThat(listener.llmCalls).isEmpty();
        assertThat(listener.eventsOf("schema_reviewer")).containsExactly(
                "started:schema_reviewer", "error:schema_reviewer:not_configured", "finished:schema_reviewer:failure");
    }

    @Test
    void theReviewerUsesItsOwnProviderWhileTheDesignerKeepsTheDefault() {
        try (ProviderStub anthropic = new ProviderStub(LlmProvider.ANTHROPIC)) {
            anthropic.reply("{\"suggestions\": []}", 2, 2);
            LlmSettings settings = LlmSettings.from(Map.of(
                    "DEFAULT_LLM_PROVIDER", "openai",
                    "SCHEMA_REVIEWER_LLM_PROVIDER", "anthropic", "SCHEMA_REVIEWER_MODEL", "claude-3-5-sonnet-latest",
                    "ANTHROPIC_API_KEY", TestLlm.KEY, "ANTHROPIC_BASE_URL", anthropic.baseUrl()));
            RecordingListener listener = new RecordingListener();

            Review r = reviewer(settings).review(DOC, OUTCOME, listener);

            assertThat(r.ok()).isTrue();
            assertThat(anthropic.requests().get(0).body()).contains("claude-3-5-sonnet-latest");
            assertThat(listener.llmCalls).singleElement().satisfies(c -> {
                assertThat(c.provider()).isEqualTo("anthropic");
                assertThat(c.model()).isEqualTo("claude-3-5-sonnet-latest");
            });
            assertThat(settings.forAgent(LlmAgent.SCHEMA_DESIGNER).provider()).isEqualTo(LlmProvider.OPENAI);
        }
    }

    private static SchemaReviewer reviewer(LlmSettings settings) {
        ProviderConfig c = settings.forAgent(LlmAgent.SCHEMA_REVIEWER);
        return new SchemaReviewer(c, TestLlm.chat(c));
    }
}
