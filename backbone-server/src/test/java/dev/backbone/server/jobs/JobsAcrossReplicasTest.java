package dev.backbone.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.OpenAiStub;
import dev.backbone.server.support.Replica;
import dev.backbone.server.support.TestRedis;
import dev.backbone.server.support.Tokens;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The jobs API on two replicas (separate JVMs) sharing the one Redis: a job submitted on A is
 * read on B; a replica killed (SIGKILL) while it runs a job has it finished by the other after
 * the claim timeout; cancel; another client's job is 404; results expire. The LLM is the
 * loopback OpenAI stub, slowed down so that design jobs are still running when the test acts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobsAcrossReplicasTest {

    private static final String SCHEMA = Examples.read("simple_schema.json");
    private static final String ALICE = "Bearer " + Tokens.jwt("alice", "generate", "validate");
    private static final String BOB = "Bearer " + Tokens.jwt("bob", "generate", "validate");
    private static final String ADMIN = "Bearer " + Tokens.jwt("operator", "admin");

    @TempDir
    static Path work;

    OpenAiStub llm;
    Replica a;
    Replica b;

    @BeforeAll
    void start() {
        String redis = TestRedis.sharedUrl();
        llm = new OpenAiStub();
        Map<String, String> env = new HashMap<>(llm.environment("sk-test-jobs", "gpt-4"));
        env.putAll(Map.of("REDIS_URL", redis, "REDIS_KEY_PREFIX", TestRedis.uniquePrefix("jobs"), "ENABLE_AUTH", "true",
                "JWT_SECRET_KEY", Tokens.SECRET, "ENABLE_RATE_LIMITING", "false", "JOBS_CLAIM_TIMEOUT", "2s",
                "JOBS_RESULT_TTL", "8s", "JOBS_CONCURRENCY", "2", "REDIS_TIMEOUT", "5s"));
        a = Replica.start(work.resolve("a"), env);
        b = Replica.start(work.resolve("b"), env);
    }

    @AfterAll
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {a, b, llm}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    private static HttpResponse<String> submit(Http h, String kind, String fields, String auth) {
        return h.post("/api/v1/jobs", "{\"kind\": \"" + kind + "\", " + fields + "}", "Content-Type", "application/json",
                "Authorization", auth);
    }

    private static JsonNode job(Http h, String location, String auth) {
        HttpResponse<String> r = h.get(location, "Authorization", auth);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    /** Polls until the job is in {@code state} (or a final state), within {@code limit}. */
    private static JsonNode await(Http h, String location, String state, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            JsonNode j = job(h, location, ALICE);
            String s = j.get("state").asString();
            if (s.equals(state)) {
                return j;
            }
            assertThat(s).as("job %s", j).isIn("queued", "running", state);
            assertThat(System.nanoTime()).as("job %s within %s: %s", state, limit, j).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** Polls until the job is running its LLM agent (the slow part), within 30 s. */
    private static JsonNode awaitDesigner(Http h, String location) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode j = await(h, location, "running", Duration.ofSeconds(30));
            if (j.get("progress").findValuesAsString("name").contains("schema_designer")) {
                return j;
            }
            assertThat(System.nanoTime()).as("the designer started within 30 s: %s", j).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    @Order(1)
    void submittedOnAReadOnBWithTheRoutesBodyAndZip() throws Exception {
        HttpResponse<String> r = submit(a.http, "generate", "\"enable_code_validation\": true, \"schema\": " + SCHEMA, ALICE);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String location = r.headers().firstValue("Location").orElseThrow();
        JsonNode accepted = Json.parse(r.body());
        assertThat(location).isEqualTo("/api/v1/jobs/" + accepted.get("id").asString());
        assertThat(accepted.get("state").asString()).isEqualTo("queued");
        assertThat(accepted.get("kind").asString()).isEqualTo("generate");

        JsonNode done = await(b.http, location, "succeeded", Duration.ofSeconds(60));
        assertThat(done.get("result_status").asInt()).isEqualTo(200);
        JsonNode result = done.get("result");
        JsonNode sync = Json.parse(b.http.post("/api/v1/generate", Examples.request("simple_schema.json"), "Content-Type",
                "application/json", "Authorization", ALICE).body());
        assertThat(result.get("status").asString()).isEqualTo("success");
        assertThat(result.get("generated_files")).as("the synchronous route's files").isEqualTo(sync.get("generated_files"));
        assertThat(done.get("progress").findValuesAsString("name")).contains("validate", "plan", "generate", "verify");
        assertThat(done.get("progress").findValuesAsString("state")).containsOnly("succeeded");
        assertThat(done.get("owner").asString()).isEqualTo("sub:alice");

        HttpResponse<byte[]> zip = Http.bytes(a.http, location, "Accept", "application/zip", "Authorization", ALICE);
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            while (in.getNextEntry() != null) {
                entries++;
            }
        }
        assertThat(entries).isEqualTo(result.get("files_generated").asInt());

        assertThat(a.http.get(location, "Authorization", BOB).statusCode()).as("another client's job").isEqualTo(404);
        assertThat(b.http.get(location).statusCode()).as("no credential").isEqualTo(401);
        assertThat(b.http.get(location, "Authorization", ADMIN).statusCode()).as("the admin scope reads any job").isEqualTo(200);
        assertThat(a.http.send("DELETE", location, java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", BOB)
                .statusCode()).as("nor can it cancel it").isEqualTo(404);
        assertThat(a.http.send("DELETE", location, java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", ALICE)
                .statusCode()).as("a finished job cannot be cancelled").isEqualTo(409);
        assertThat(a.log()).contains("Job " + accepted.get("id").asString());
    }

    @Test
    @Order(2)
    void aBadSubmissionIsRefusedAtOnceAndAnInvalidSchemaIsAFailedJobWithTheFindings() throws Exception {
        HttpResponse<String> noKind = a.http.post("/api/v1/jobs", "{\"schema\": {}}", "Content-Type", "application/json",
                "Authorization", ALICE);
        assertThat(noKind.statusCode()).isEqualTo(422);
        assertThat(Json.parse(noKind.body()).get("message").asString()).contains("generate, design, review");
        HttpResponse<String> broken = a.http.post("/api/v1/jobs", "{\"kind\": \"generate\", \"schema\": {", "Content-Type",
                "application/json", "Authorization", ALICE);
        assertThat(broken.statusCode()).isEqualTo(400);
        HttpResponse<String> scope = submit(a.http, "generate", "\"schema\": " + SCHEMA, "Bearer " + Tokens.jwt("carol", "validate"));
        assertThat(scope.statusCode()).isEqualTo(403);

        HttpResponse<String> r = submit(b.http, "generate", "\"schema\": {\"project_name\": \"X\", \"schema\": []}", ALICE);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode failed = await(a.http, r.headers().firstValue("Location").orElseThrow(), "failed", Duration.ofSeconds(60));
        assertThat(failed.get("result_status").asInt()).isEqualTo(422);
        assertThat(failed.get("result").get("errors")).isNotEmpty();
    }

    @Test
    @Order(3)
    void cancelStopsARunningJobAndItStaysCancelled() throws Exception {
        llm.delay(Duration.ofSeconds(4)).reply(SCHEMA, 100, 50);
        HttpResponse<String> r = submit(a.http, "design", "\"description\": \"a blog with users and posts\"", ALICE);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String location = r.headers().firstValue("Location").orElseThrow();
        awaitDesigner(b.http, location);

        HttpResponse<String> del = b.http.send("DELETE", location, java.net.http.HttpRequest.BodyPublishers.noBody(),
                "Authorization", ALICE);
        assertThat(del.statusCode()).as(del.body()).isEqualTo(200);
        assertThat(Json.parse(del.body()).get("state").asString()).isEqualTo("cancelled");
        Thread.sleep(5000);
        JsonNode after = job(a.http, location, ALICE);
        assertThat(after.get("state").asString()).as("the model's late answer does not revive it").isEqualTo("cancelled");
        assertThat(after.get("result").isNull()).isTrue();
    }

    @Test
    @Order(4)
    void resultsExpire() throws Exception {
        HttpResponse<String> r = submit(a.http, "generate", "\"enable_code_validation\": false, \"schema\": " + SCHEMA, ALICE);
        String location = r.headers().firstValue("Location").orElseThrow();
        await(b.http, location, "succeeded", Duration.ofSeconds(60));
        long deadline = System.currentTimeMillis() + 30_000;
        while (b.http.get(location, "Authorization", ALICE).statusCode() == 200) {
            assertThat(System.currentTimeMillis()).as("gone after JOBS_RESULT_TTL=8s").isLessThan(deadline);
            Thread.sleep(500);
        }
        assertThat(b.http.get(location, "Authorization", ALICE).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void aReplicaKilledMidJobHasItFinishedByTheOther() throws Exception {
        llm.delay(Duration.ofSeconds(4)).reply(SCHEMA, 100, 50).reply(SCHEMA, 100, 50);
        HttpResponse<String> r = submit(a.http, "design", "\"description\": \"a shop with orders\"", ALICE);
        String location = r.headers().firstValue("Location").orElseThrow();
        JsonNode running = awaitDesigner(a.http, location);
        String runner = running.get("replica").asString();
        Replica victim = runner.startsWith(a.pid() + "@") ? a : b;
        assertThat(runner).startsWith(victim.pid() + "@");
        Replica survivor = victim == a ? b : a;
        victim.kill();
        assertThat(victim.alive()).isFalse();

        JsonNode done = await(survivor.http, location, "succeeded", Duration.ofSeconds(60));
        assertThat(done.get("attempts").asInt()).isEqualTo(2);
        assertThat(done.get("replica").asString()).isNotEqualTo(runner);
        assertThat(done.get("result").get("status").asString()).isEqualTo("valid");
        assertThat(survivor.log()).contains("taken over from replica " + runner);
        String metrics = survivor.http.get("/metrics").body();
        assertThat(metrics).contains("backbone_jobs_retried_total{kind=\"design\"} 1.0");
        assertThat(metrics).contains("backbone_jobs_finished_total{kind=\"design\",state=\"succeeded\"} 1.0");
    }
}
