package dev.backbone.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.agents.testsupport.ProviderStub;
import dev.backbone.agents.testsupport.RecordingListener;
import dev.backbone.agents.testsupport.TestLlm;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real LangChain4j client of each provider against a loopback server speaking that
 * provider's wire format: the right path, the key in the right header, the reply text, and the
 * provider's reported token usage reaching the listener exactly.
 */
class ProviderWireTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(LlmProvider.class)
    void aCallReachesTheProviderPathAndReportsItsTokenUsage(LlmProvider provider) {
        try (ProviderStub stub = new ProviderStub(provider)) {
            stub.reply("hello from " + provider.wire(), 123, 45);
            ProviderConfig config = TestLlm.settings(provider, stub).defaultProvider();
            RecordingListener listener = new RecordingListener();

            LlmResult<String> r = TestLlm.chat(config).call(
                    List.of(SystemMessage.from("be brief"), UserMessage.from("say hello")), ReplyParser.text(), listener);

            assertThat(r.ok()).as("%s", r).isTrue();
            assertThat(r.value()).isEqualTo("hello from " + provider.wire());
            assertThat(r.promptTokens()).isEqualTo(123);
            assertThat(r.completionTokens()).isEqualTo(45);
            assertThat(listener.llmCalls).singleElement().satisfies(c -> {
                assertThat(c.provider()).isEqualTo(provider.wire());
                assertThat(c.model()).isEqualTo(provider.defaultModel());
                assertThat(c.promptTokens()).isEqualTo(123);
                assertThat(c.completionTokens()).isEqualTo(45);
                assertThat(c.errorType()).isNull();
                assertThat(c.nanos()).isPositive();
            });
            ProviderStub.Request req = stub.requests().get(0);
            assertThat(req.body()).contains("say hello", "be brief");
            switch (provider) {
                case OPENAI -> {
                    assertThat(req.path()).isEqualTo("/v1/chat/completions");
                    assertThat(req.header("Authorization")).isEqualTo("Bearer " + TestLlm.KEY);
                    assertThat(JSON.readTree(req.body()).get("model").asString()).isEqualTo("gpt-4o-mini");
                }
                case ANTHROPIC -> {
                    assertThat(req.path()).isEqualTo("/v1/messages");
                    assertThat(req.header("x-api-key")).isEqualTo(TestLlm.KEY);
                    assertThat(req.header("anthropic-version")).isNotBlank();
                }
                case GOOGLE -> {
                    assertThat(req.path()).isEqualTo("/v1beta/models/gemini-1.5-flash:generateContent");
                    assertThat(req.header("x-goog-api-key")).isEqualTo(TestLlm.KEY);
                }
                case OLLAMA -> {
                    assertThat(req.path()).isEqualTo("/api/chat");
                    JsonNode body = JSON.readTree(req.body());
                    assertThat(body.get("model").asString()).isEqualTo("llama3.1");
                    assertThat(body.get("stream").asBoolean()).isFalse();
                }
            }
        }
    }
}
