package dev.backbone.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.agents.testsupport.CapturedOutput;
import dev.backbone.agents.testsupport.ProviderStub;
import dev.backbone.agents.testsupport.RecordingListener;
import dev.backbone.agents.testsupport.TestLlm;
import dev.langchain4j.data.message.UserMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Provider failures become one of the bounded error types, never an exception, and the key
 * never shows: the stub echoes the whole key in its error bodies (worse than real providers,
 * which echo part of it), and the test looks at the result, the listener and all output.
 */
class LlmErrorsTest {

    private static final String ECHO = "{\"error\":{\"message\":\"Incorrect API key provided: " + TestLlm.KEY + "\"}}";

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(LlmProvider.OPENAI, 401, ECHO, "authentication"),
                Arguments.of(LlmProvider.ANTHROPIC, 403, ECHO, "authentication"),
                Arguments.of(LlmProvider.OPENAI, 429, ECHO, "rate_limited"),
                Arguments.of(LlmProvider.GOOGLE, 429, ECHO, "rate_limited"),
                Arguments.of(LlmProvider.OPENAI, 500, ECHO, "server_error"),
                Arguments.of(LlmProvider.ANTHROPIC, 529, ECHO, "server_error"),
                Arguments.of(LlmProvider.OLLAMA, 503, "model is loading", "server_error"),
                Arguments.of(LlmProvider.OPENAI, 200, "<html>" + TestLlm.KEY + " not json", "invalid_response"),
                Arguments.of(LlmProvider.ANTHROPIC, 200, "{\"garbage\": ", "invalid_response"),
                Arguments.of(LlmProvider.OLLAMA, 200, "]]]", "invalid_response"),
                Arguments.of(LlmProvider.OPENAI, 404, ECHO, "other"));
    }

    @ParameterizedTest(name = "{0} HTTP {1} -> {3}")
    @MethodSource("failures")
    void aFailedCallIsABoundedErrorTypeAndNeverShowsTheKey(LlmProvider provider, int status, String body, String type) {
        try (ProviderStub stub = new ProviderStub(provider); CapturedOutput out = new CapturedOutput()) {
            stub.answer(status, body, Duration.ZERO);
            RecordingListener listener = new RecordingListener();

            LlmResult<String> r = TestLlm.chat(TestLlm.settings(provider, stub).defaultProvider())
                    .call(List.of(UserMessage.from("hi")), ReplyParser.text(), listener);

            assertThat(r.ok()).isFalse();
            assertThat(r.error().wire()).isEqualTo(type);
            assertThat(r.requests()).isEqualTo(1);
            assertThat(listener.llmCalls).singleElement().satisfies(c -> {
                assertThat(c.errorType()).isEqualTo(type);
                assertThat(c.provider()).isEqualTo(provider.wire());
            });
            assertThat(r.message()).startsWith(type).doesNotContain(TestLlm.KEY);
            if (status != 200) {
                assertThat(r.message()).contains("HTTP " + status);
            }
            assertThat(listener.messages).isNotEmpty().allSatisfy(m -> assertThat(m).doesNotContain(TestLlm.KEY));
            assertThat(out.text()).as("the debug log line was captured").contains("error_type=" + type)
                    .doesNotContain(TestLlm.KEY);
        }
    }

    @Test
    void aSlowProviderTimesOut() {
        try (ProviderStub stub = new ProviderStub(LlmProvider.OPENAI)) {
            stub.answer(200, stub.successBody("late", 1, 1), Duration.ofSeconds(3));
            RecordingListener listener = new RecordingListener();
            ProviderConfig config = TestLlm.settings(LlmProvider.OPENAI, stub, "AGENT_TIMEOUT", "300ms").defaultProvider();

            long t0 = System.nanoTime();
            LlmResult<String> r = TestLlm.chat(config).call(List.of(UserMessage.from("hi")), ReplyParser.text(), listener);

            assertThat(r.error()).isEqualTo(LlmErrorType.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
            assertThat(listener.llmCalls).singleElement().extracting(RecordingListener.LlmCall::errorType).isEqualTo("timeout");
        }
    }

    @Test
    void anUnreachableProviderIsANetworkError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        ProviderConfig config = LlmSettings.from(java.util.Map.of("DEFAULT_LLM_PROVIDER", "ollama",
                "OLLAMA_BASE_URL", "http://127.0.0.1:" + port, "LLM_MAX_RETRIES", "0")).defaultProvider();
        RecordingListener listener = new RecordingListener();

        LlmResult<String> r = TestLlm.chat(config).call(List.of(UserMessage.from("hi")), ReplyParser.text(), listener);

        assertThat(r.error()).isEqualTo(LlmErrorType.NETWORK);
        assertThat(listener.llmCalls).singleElement().extracting(RecordingListener.LlmCall::errorType).isEqualTo("network");
    }

    @Test
    void transientFailuresAreRetriedAndEveryRequestIsReported() {
        try (ProviderStub stub = new ProviderStub(LlmProvider.ANTHROPIC)) {
            stub.answer(500, "{\"type\":\"error\"}", Duration.ZERO)
                    .answer(429, "{\"type\":\"error\"}", Duration.ZERO)
                    .reply("third time lucky", 10, 3);
            RecordingListener listener = new RecordingListener();
            ProviderConfig config = TestLlm.settings(LlmProvider.ANTHROPIC, stub, "LLM_MAX_RETRIES", "2").defaultProvider();

            LlmResult<String> r = TestLlm.chat(config).call(List.of(UserMessage.from("hi")), ReplyParser.text(), listener);

            assertThat(r.ok()).isTrue();
            assertThat(r.value()).isEqualTo("third time lucky");
            assertThat(r.requests()).isEqualTo(3);
            assertThat(listener.llmCalls).extracting(RecordingListener.LlmCall::errorType)
                    .containsExactly("server_error", "rate_limited", null);
            assertThat(listener.llmCalls.get(2).promptTokens()).isEqualTo(10);
            assertThat(stub.requests()).hasSize(3);
        }
    }

    @Test
    void retriesStopAtTheLimitAndPermanentErrorsAreNotRetried() {
        try (ProviderStub stub = new ProviderStub(LlmProvider.OPENAI)) {
            stub.answer(503, "{}", Duration.ZERO).answer(503, "{}", Duration.ZERO).answer(503, "{}", Duration.ZERO);
            ProviderConfig config = TestLlm.settings(LlmProvider.OPENAI, stub, "LLM_MAX_RETRIES", "1").defaultProvider();

            LlmResult<String> r = TestLlm.chat(config).call(List.of(UserMessage.from("hi")), ReplyParser.text(), new RecordingListener());

            assertThat(r.error()).isEqualTo(LlmErrorType.SERVER_ERROR);
            assertThat(stub.requests()).hasSize(2);
        }
        try (ProviderStub stub = new ProviderStub(LlmProvider.OPENAI)) {
            stub.answer(401, ECHO, Duration.ZERO);
            ProviderConfig config = TestLlm.settings(LlmProvider.OPENAI, stub, "LLM_MAX_RETRIES", "3").defaultProvider();

            LlmResult<String> r = TestLlm.chat(config).call(List.of(UserMessage.from("hi")), ReplyParser.text(), new RecordingListener());

            assertThat(r.error()).isEqualTo(LlmErrorType.AUTHENTICATION);
            assertThat(stub.requests()).as("a wrong key does not get better").hasSize(1);
        }
    }

    @Test
    void aReplyTheParserRejectsIsAnInvalidResponseWithItsTokensCounted() {
        try (ProviderStub stub = new ProviderStub(LlmProvider.OPENAI)) {
            stub.reply("Sure! Here is some prose without JSON.", 50, 8);
            RecordingListener listener = new RecordingListener();

            LlmResult<JsonReplies.Found> r = TestLlm.chat(TestLlm.settings(LlmProvider.OPENAI, stub).defaultProvider())
                    .call(List.of(UserMessage.from("hi")), JsonReplies::firstObject, listener);

            assertThat(r.error()).isEqualTo(LlmErrorType.INVALID_RESPONSE);
            assertThat(r.text()).startsWith("Sure!");
            assertThat(listener.llmCalls).singleElement().satisfies(c -> {
                assertThat(c.errorType()).isEqualTo("invalid_response");
                assertThat(c.promptTokens()).isEqualTo(50);
                assertThat(c.completionTokens()).isEqualTo(8);
            });
        }
    }
}
