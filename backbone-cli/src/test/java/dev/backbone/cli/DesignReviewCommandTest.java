package dev.backbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The LLM commands against a loopback server speaking OpenAI's chat completions wire format. */
class DesignReviewCommandTest {

    private static final String KEY = "sk-test-cli-0123456789abcdef";

    @TempDir
    Path tmp;

    private HttpServer server;
    private final List<String> replies = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            requests.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String content = replies.isEmpty() ? "{}" : replies.remove(0);
            String body = JsonMapper.builder().build().writeValueAsString(Map.of(
                    "id", "chatcmpl-1", "object", "chat.completion", "created", 1, "model", "gpt-4o-mini",
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", content))),
                    "usage", Map.of("prompt_tokens", 100, "completion_tokens", 50, "total_tokens", 150)));
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        AgentsFactory.environment = () -> Map.of(
                "DEFAULT_LLM_PROVIDER", "openai",
                "OPENAI_API_KEY", KEY,
                "OPENAI_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "LLM_MAX_RETRIES", "0");
    }

    @AfterEach
    void stop() {
        server.stop(0);
        AgentsFactory.environment = System::getenv;
    }

    @Test
    void designWritesAValidSchemaDraftedByTheLlm() throws Exception {
        replies.add(Files.readString(CliRunner.example("simple_schema.json")));
        Path out = tmp.resolve("schema.json");
        CliRunner.Run r = CliRunner.run("design", "a blog with users and posts", "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains(out + ": valid after 1 attempt");
        assertThat(CliRunner.run("validate", out.toString()).exit()).isZero();
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).contains("a blog with users and posts");
        assertThat(r.out() + r.err()).doesNotContain(KEY);
    }

    @Test
    void designShowsEachAttemptOnATerminalAndNothingWithQuiet() throws Exception {
        String invalid = "{\"project_name\": \"X\", \"db_type\": \"sqlite\", \"schema\": [{\"table_name\": \"a\", \"class_name\": \"A\", \"columns\": []}]}";
        replies.add(invalid);
        replies.add(Files.readString(CliRunner.example("simple_schema.json")));
        Terminal tty = new Terminal(false, true, false, false);
        CliRunner.Run r = CliRunner.run(tty, "design", "a blog", "-o", tmp.resolve("a.json").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("\r\033[Kbackbone-ai: design: asking the LLM for a draft (call 1)",
                "\r\033[Kbackbone-ai: LLM call 1 answered (openai gpt-4o-mini, ",
                "\r\033[Kbackbone-ai: design: the draft has errors; asking the LLM to repair it (call 2)",
                "LLM call 2 answered");
        assertThat(r.err()).contains("\r\033[K" + tmp.resolve("a.json") + ": valid after 2 attempts");
        replies.add(Files.readString(CliRunner.example("simple_schema.json")));
        CliRunner.Run quiet = CliRunner.run(tty, "design", "a blog", "-o", tmp.resolve("b.json").toString(), "--quiet");
        assertThat(quiet.exit()).isZero();
        assertThat(quiet.err()).doesNotContain("\033[K").doesNotContain("LLM call");
    }

    @Test
    void reviewPrintsTheSuggestions() {
        replies.add("{\"suggestions\": [{\"path\": \"/schema/0/columns/1\", \"severity\": \"suggestion\", \"message\": \"index username\"}]}");
        CliRunner.Run r = CliRunner.run("review", "--schema", CliRunner.example("blog_schema.json").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("index username").contains("1 suggestion");
    }

    @Test
    void withoutAKeyTheCommandsSaySoInOneLine() {
        AgentsFactory.environment = () -> Map.of("DEFAULT_LLM_PROVIDER", "anthropic");
        CliRunner.Run r = CliRunner.run("design", "anything");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("backbone-ai: LLM provider 'anthropic' not configured: ANTHROPIC_API_KEY is not set");
        assertThat(requests).isEmpty();
    }

    @Test
    void anUnknownProviderNamesTheVariable() {
        AgentsFactory.environment = () -> Map.of("DEFAULT_LLM_PROVIDER", "mistral");
        CliRunner.Run r = CliRunner.run("design", "anything");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("DEFAULT_LLM_PROVIDER").contains("mistral");
    }
}
