package dev.backbone.agents.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.backbone.core.validate.Limits;
import dev.backbone.core.workflow.Workflow;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaDesignerTest {

    private static final String VALID = Documents.load("valid.json");
    private static final String BROKEN = Documents.load("missing-class-name.json");
    private static final String DESCRIPTION = "A library: authors write many books.";

    @Test
    void repairsAnInvalidFirstDraftUsingTheValidatorsFindings() {
        try (ProviderStub stub = new ProviderStub(LlmProvider.OPENAI)) {
            stub.reply("Here is your schema:\n```json\n" + BROKEN + "\n```", 900, 400)
                    .reply(VALID, 1500, 420);
            RecordingListener listener = new RecordingListener();

            Design d = designer(TestLlm.settings(LlmProvider.OPENAI, stub)).design(DESCRIPTION, listener);

            assertThat(d.valid()).as("%s", d).isTrue();
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(d.schemaText()).isEqualTo(VALID);
            assertThat(d.outcome().errors()).isEmpty();
            assertThat(d.errorType()).isNull();

            assertThat(stub.requests()).hasSize(2);
            String first = stub.requests().get(0).body();
            String second = stub.requests().get(1).body();
            assertThat(first).contains("authors write many books", "BackBone schema format", "simple_blog");
            assertThat(second).as("the findings go back to the model")
                    .contains("SCHEMA_VALIDATION_ERROR", "missing required field `class_name`", "/schema/1")
                    .contains("authors write many books")
                    .contains("\"role\" : \"assistant\"");
            assertThat(listener.llmCalls).extracting(c -> c.promptTokens() + "/" + c.completionTokens())
                    .containsExactly("900/400", "1500/420");
            assertThat(listener.eventsOf("schema_designer"))
                    .containsExactly("started:schema_designer", "finished:schema_designer:success");
            assertThat(listener.eventsOf("schema_validator")).as("each draft is validated by the pipeline")
                    .contains("error:schema_validator:invalid_schema");
        }
    }

    @Test
    void validFirstDraftTakesOneAttempt() {
        try (ProviderStub stub = new ProviderStub(LlmProvider.OLLAMA)) {
            stub.reply(VALID, 10, 20);

            Design d = designer(TestLlm.settings(LlmProvider.OLLAMA, stub)).design(DESCRIPTION, new RecordingListener());

            assertThat(d.valid()).isTrue();
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(stub.requests()).hasSize(1);
        }
    }

    @Test
    void givesUpAfterAgentMaxRetriesKeepingTheLastDraftAndItsFindings() {
        try (ProviderStub stub = new ProviderStub(LlmProvider.ANTHROPIC)) {
            stub.reply(BROKEN, 1, 1).reply(BROKEN, 1, 1).reply(BROKEN, 1, 1).reply(VALID, 1, 1);
            RecordingListener listener = new RecordingListener();

            Design d = designer(TestLlm.settings(LlmProvider.ANTHROPIC, stub, "AGENT_MAX_RETRIES", "2"))
                    .design(DESCRIPTION, listener);

            assertThat(d.valid()).isFalse();
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(stub.requests()).hasSize(3);
            assertThat(d.errorType()).isEqualTo("invalid_schema");
            assertThat(d.message()).isEqualTo("1 validation error(s) left after 3 tries");
            assertThat(d.schemaText()).isEqualTo(BROKEN);
            assertThat(d.outcome().errors()).extracting(f -> f.code()).containsExactly("SCHEMA_VALIDATION_ERROR");
            assertThat(listener.eventsOf("schema_designer")).containsExactly(
                    "started:schema_designer", "error:schema_designer:invalid_schema", "finished:schema_designer:failure");
        }
    }

    @Test
    void aReplyWithoutJsonIsAskedAgain() {
        try (ProviderStub stub = new ProviderStub(LlmProvider.GOOGLE)) {
            stub.reply("I would suggest two tables, authors and books.", 5, 5).reply(VALID, 5, 5);
            RecordingListener listener = new RecordingListener();

            Design d = designer(TestLlm.settings(LlmProvider.GOOGLE, stub)).design(DESCRIPTION, listener);

            assertThat(d.valid()).isTrue();
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(stub.requests().get(1).body()).contains("held no JSON object", "I would suggest two tables");
            assertThat(listener.llmCalls).extracting(c -> c.errorType()).containsExactly("invalid_response", null);
        }
    }

    @Test
    void anLlmFailureEndsTheDesignWithItsErrorTypeAndNoKey() {
        try (ProviderStub stub = new ProviderStub(LlmProvider.OPENAI); CapturedOutput out = new CapturedOutput()) {
            stub.reply(BROKEN, 1, 1).answer(401, "{\"error\":\"bad key " + TestLlm.KEY + "\"}", Duration.ZERO);
            RecordingListener listener = new RecordingListener();

            Design d = designer(TestLlm.settings(LlmProvider.OPENAI, stub)).design(DESCRIPTION, listener);

            assertThat(d.valid()).isFalse();
            assertThat(d.errorType()).isEqualTo("authentication");
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(d.schemaText()).as("the last draft is kept").isEqualTo(BROKEN);
            assertThat(d.toString()).doesNotContain(TestLlm.KEY);
            assertThat(listener.messages).allSatisfy(m -> assertThat(m).doesNotContain(TestLlm.KEY));
            assertThat(listener.eventsOf("schema_designer")).contains("error:schema_designer:authentication");
            assertThat(out.text()).contains("error_type=authentication").doesNotContain(TestLlm.KEY);
        }
    }

    @Test
    void withoutAKeyNothingIsCalledAndTheDesignSaysWhatToSet() {
        LlmSettings settings = LlmSettings.from(Map.of("DEFAULT_LLM_PROVIDER", "anthropic"));
        RecordingListener listener = new RecordingListener();

        Design d = SchemaDesigner.create(settings, new Workflow(), Limits.DEFAULTS).design(DESCRIPTION, listener);

        assertThat(d.errorType()).isEqualTo("not_configured");
        assertThat(d.message()).isEqualTo("LLM provider 'anthropic' not configured: ANTHROPIC_API_KEY is not set");
        assertThat(d.attempts()).isZero();
        assertThat(listener.llmCalls).isEmpty();
    }

    @Test
    void theDesignerUsesItsOwnProviderAndModelOverride() {
        try (ProviderStub ollama = new ProviderStub(LlmProvider.OLLAMA); ProviderStub openai = new ProviderStub(LlmProvider.OPENAI)) {
            ollama.reply(VALID, 7, 9);
            LlmSettings settings = LlmSettings.from(Map.of(
                    "DEFAULT_LLM_PROVIDER", "openai", "OPENAI_API_KEY", TestLlm.KEY, "OPENAI_BASE_URL", openai.baseUrl(),
                    "SCHEMA_DESIGNER_LLM_PROVIDER", "ollama", "SCHEMA_DESIGNER_MODEL", "qwen2.5-coder",
                    "OLLAMA_BASE_URL", ollama.baseUrl()));
            RecordingListener listener = new RecordingListener();

            Design d = designer(settings).design(DESCRIPTION, listener);

            assertThat(d.valid()).isTrue();
            assertThat(openai.requests()).isEmpty();
            assertThat(ollama.requests()).singleElement().satisfies(r -> assertThat(r.body()).contains("qwen2.5-coder"));
            assertThat(listener.llmCalls).singleElement().satisfies(c -> {
                assertThat(c.provider()).isEqualTo("ollama");
                assertThat(c.model()).isEqualTo("qwen2.5-coder");
                assertThat(c.promptTokens()).isEqualTo(7);
                assertThat(c.completionTokens()).isEqualTo(9);
            });
        }
    }

    @Test
    void anEmptyDescriptionIsRejectedBeforeAnyCall() {
        try (ProviderStub stub = new ProviderStub(LlmProvider.OPENAI)) {
            SchemaDesigner designer = designer(TestLlm.settings(LlmProvider.OPENAI, stub));

            assertThatThrownBy(() -> designer.design("  ", new RecordingListener()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the description of the schema to design is empty");
            assertThat(stub.requests()).isEmpty();
        }
    }

    /** The designer as {@code create} builds it, but retrying without pauses. */
    private static SchemaDesigner designer(LlmSettings settings) {
        ProviderConfig c = settings.forAgent(LlmAgent.SCHEMA_DESIGNER);
        return new SchemaDesigner(c, TestLlm.chat(c), settings.agentMaxRetries(), Validation.check());
    }
}
