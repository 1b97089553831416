package dev.backbone.server.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenAI's chat completions API on loopback ({@code POST /v1/chat/completions}), so the real
 * LangChain4j client inside the server runs end to end without network. Answers are scripted
 * in order; every request is recorded. Any other path is a 404 (a wrong base URL fails the test).
 * Adapted from the agents module's ProviderStub. backbone-deploy-tests uses it too, through this
 * module's test-jar, to point the service it starts as a process at it ({@link #environment}).
 */
public final class OpenAiStub implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One recorded request. */
    public record Request(String method, String path, String authorization, String body) {
        /** A chat completion call, the only kind the stub answers. */
        public boolean chat() {
            return method.equals("POST") && path.equals("/v1/chat/completions");
        }
    }

    private record Answer(int status, String body) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private long delayMillis;

    public OpenAiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code OPENAI_BASE_URL}: the client appends {@code /chat/completions}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /**
     * The variables that select this stub, for a service started as a process (no retries: one
     * failing answer is one failed call); {@link #writeDotEnv} writes the same as a {@code .env}.
     */
    public Map<String, String> environment(String apiKey, String model) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("DEFAULT_LLM_PROVIDER", "openai");
        env.put("OPENAI_API_KEY", apiKey);
        env.put("OPENAI_MODEL", model);
        env.put("OPENAI_BASE_URL", baseUrl());
        env.put("LLM_MAX_RETRIES", "0");
        return env;
    }

    /**
     * Writes a {@code .env} selecting this stub (as an operator would), for a test server whose
     * {@code backbone.env-file} points at it: a Spring test cannot set environment variables, and
     * the stub's port is known only now.
     */
    public Path writeDotEnv(Path file, String apiKey, String model) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            StringBuilder text = new StringBuilder();
            environment(apiKey, model).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Queues a completion whose message is {@code text}, with the given usage. */
    public synchronized OpenAiStub reply(String text, int promptTokens, int completionTokens) {
        answers.add(new Answer(200, JSON.writeValueAsString(Map.of(
                "id", "chatcmpl-1", "object", "chat.completion", "created", 1_700_000_000, "model", "gpt-4",
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", text))),
                "usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
                        "total_tokens", promptTokens + completionTokens)))));
        return this;
    }

    /** Queues an error answer, as OpenAI sends them. */
    public synchronized OpenAiStub fail(int status, String message) {
        answers.add(new Answer(status, JSON.writeValueAsString(Map.of("error", Map.of(
                "message", message, "type", status >= 500 ? "server_error" : "invalid_request_error")))));
        return this;
    }

    /** Every answer from now on waits this long before it is sent (a slow model, for jobs that must still be running). */
    public synchronized OpenAiStub delay(java.time.Duration d) {
        delayMillis = d.toMillis();
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Chat completion calls received so far. */
    public synchronized int calls() {
        return (int) requests.stream().filter(Request::chat).count();
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        Answer a;
        synchronized (this) {
            Request r = new Request(ex.getRequestMethod(), path, ex.getRequestHeaders().getFirst("Authorization"), body);
            requests.add(r);
            a = !r.chat()
                    ? new Answer(404, "{\"error\":{\"message\":\"no such path\"}}")
                    : answers.isEmpty() ? new Answer(500, "{\"error\":{\"message\":\"no scripted answer left\"}}") : answers.poll();
        }
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        long wait;
        synchronized (this) {
            wait = delayMillis;
        }
        try {
            if (wait > 0) {
                Thread.sleep(wait);
            }
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(a.status(), bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
