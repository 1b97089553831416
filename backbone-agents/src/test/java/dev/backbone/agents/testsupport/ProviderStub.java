package dev.backbone.agents.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.backbone.agents.llm.LlmProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider's HTTP API on loopback, speaking its real wire format, so the real LangChain4j
 * clients run end to end without network. Answers are scripted in order; every request is
 * recorded (path, headers, body). A request on a path the provider does not serve gets 404,
 * so a wrong base URL convention shows up as a failed test.
 */
public final class ProviderStub implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One recorded request. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** One scripted answer. */
    public record Answer(int status, String body, Duration delay) {}

    private final LlmProvider provider;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();

    public ProviderStub(LlmProvider provider) {
        this.provider = provider;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL to configure, in the provider's convention (with {@code /v1}, {@code /v1beta} or none). */
    public String baseUrl() {
        String root = "http://127.0.0.1:" + server.getAddress().getPort();
        return switch (provider) {
            case OPENAI, ANTHROPIC -> root + "/v1";
            case GOOGLE -> root + "/v1beta";
            case OLLAMA -> root;
        };
    }

    /** Queues a successful answer carrying {@code text} and the given token usage, in the provider's format. */
    public ProviderStub reply(String text, int promptTokens, int completionTokens) {
        return answer(200, successBody(text, promptTokens, completionTokens), Duration.ZERO);
    }

    public synchronized ProviderStub answer(int status, String body, Duration delay) {
        answers.add(new Answer(status, body, delay));
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public String successBody(String text, int promptTokens, int completionTokens) {
        Object body = switch (provider) {
            case OPENAI -> Map.of(
                    "id", "chatcmpl-1", "object", "chat.completion", "created", 1_700_000_000, "model", "gpt-4o-mini",
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", text))),
                    "usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
                            "total_tokens", promptTokens + completionTokens));
            case ANTHROPIC -> Map.of(
                    "id", "msg_1", "type", "message", "role", "assistant", "model", "claude-3-5-haiku-latest",
                    "content", List.of(Map.of("type", "text", "text", text)),
                    "stop_reason", "end_turn",
                    "usage", Map.of("input_tokens", promptTokens, "output_tokens", completionTokens));
            case GOOGLE -> Map.of(
                    "candidates", List.of(Map.of("index", 0, "finishReason", "STOP",
                            "content", Map.of("role", "model", "parts", List.of(Map.of("text", text))))),
                    "usageMetadata", Map.of("promptTokenCount", promptTokens, "candidatesTokenCount", completionTokens,
                            "totalTokenCount", promptTokens + completionTokens),
                    "modelVersion", "gemini-1.5-flash");
            case OLLAMA -> Map.of(
                    "model", "llama3.1", "created_at", "2024-01-01T00:00:00Z",
                    "message", Map.of("role", "assistant", "content", text),
                    "done", true, "done_reason", "stop",
                    "prompt_eval_count", promptTokens, "eval_count", completionTokens);
        };
        return JSON.writeValueAsString(body);
    }

    /** The path each provider's chat call must arrive on. */
    boolean servedPath(String path) {
        return switch (provider) {
            case OPENAI -> path.equals("/v1/chat/completions");
            case ANTHROPIC -> path.equals("/v1/messages");
            case GOOGLE -> path.matches("/v1beta/models/[^/:]+:generateContent");
            case OLLAMA -> path.equals("/api/chat");
        };
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        Answer a;
        synchronized (this) {
            requests.add(new Request(ex.getRequestMethod(), path, Map.copyOf(ex.getRequestHeaders()), body));
            a = !servedPath(path) || !ex.getRequestMethod().equals("POST")
                    ? new Answer(404, "{\"error\":\"no such path " + path + "\"}", Duration.ZERO)
                    : answers.isEmpty() ? new Answer(500, "{\"error\":\"no scripted answer left\"}", Duration.ZERO) : answers.poll();
        }
        try {
            if (!a.delay().isZero()) {
                Thread.sleep(a.delay().toMillis());
            }
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeout test): nothing to answer
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
