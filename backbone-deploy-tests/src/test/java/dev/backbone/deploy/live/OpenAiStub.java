package dev.backbone.deploy.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * The LLM provider of the live test: OpenAI's chat completions API on loopback
 * ({@code POST /v1/chat/completions}, choices[0].message.content and usage.prompt_tokens /
 * completion_tokens), so the service's real client makes real HTTP calls and the
 * {@code backbone_llm_*} families get data from real work. Answers are scripted in order.
 */
final class OpenAiStub implements AutoCloseable {
    static final String MODEL = "gpt-4";
    /** Distinctive, so the test can check it never shows up in the service's log. */
    static final String KEY = "test-key-live-3e8b51d0";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Answer(int status, String body) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();

    OpenAiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The variables that point the service at this stub (no retries: one failing answer is one failed call). */
    Map<String, String> environment() {
        return Map.of("DEFAULT_LLM_PROVIDER", "openai",
                "OPENAI_API_KEY", KEY,
                "OPENAI_MODEL", MODEL,
                "OPENAI_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "LLM_MAX_RETRIES", "0");
    }

    synchronized OpenAiStub reply(String text, int promptTokens, int completionTokens) {
        answers.add(new Answer(200, JSON.writeValueAsString(Map.of(
                "id", "chatcmpl-live", "object", "chat.completion", "created", 1_700_000_000, "model", MODEL,
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", text))),
                "usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
                        "total_tokens", promptTokens + completionTokens)))));
        return this;
    }

    synchronized OpenAiStub fail(int status, String message) {
        answers.add(new Answer(status, JSON.writeValueAsString(Map.of("error", Map.of("message", message, "type", "server_error")))));
        return this;
    }

    /** Chat completion requests answered so far. */
    int calls() {
        return calls.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        Answer a;
        synchronized (this) {
            boolean chat = ex.getRequestURI().getPath().equals("/v1/chat/completions") && ex.getRequestMethod().equals("POST");
            if (chat) {
                calls.incrementAndGet();
            }
            a = !chat ? new Answer(404, "{\"error\":{\"message\":\"no such path\"}}")
                    : answers.isEmpty() ? new Answer(500, "{\"error\":{\"message\":\"no scripted answer left\"}}") : answers.poll();
        }
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        try {
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(a.status(), bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
