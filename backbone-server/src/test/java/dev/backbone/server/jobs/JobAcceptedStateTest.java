package dev.backbone.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.ServerTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * The 202 of {@code POST /api/v1/jobs} describes the job as accepted ({@code queued}, as
 * docs/api.md shows), even when a worker somewhere has already started it by the time the
 * answer is written: here the store reports every job as running the moment it is read, the
 * race that made {@code JobsAcrossReplicasTest} fail once in CI when a replica's worker took
 * the job before the answer re-read it.
 */
@ServerTest
@Import(JobAcceptedStateTest.AlreadyRunning.class)
class JobAcceptedStateTest {

    /** A store in which every job has been taken by a worker before anyone reads it. */
    @TestConfiguration
    static class AlreadyRunning {
        @Bean
        @Primary
        JobStore alreadyRunningStore() {
            MemoryJobStore memory = new MemoryJobStore(Duration.ofMinutes(5), System::currentTimeMillis);
            return new JobStore() {
                @Override
                public void submit(String id, Map<String, String> fields, String body) {
                    memory.submit(id, fields, body);
                }

                @Override
                public Optional<Job> find(String id) {
                    return memory.find(id).map(j -> {
                        Map<String, String> f = new HashMap<>(j.fields());
                        if ("queued".equals(f.get("state"))) {
                            f.put("state", "running");
                        }
                        return new Job(id, f);
                    });
                }

                @Override
                public Optional<String> body(String id) {
                    return memory.body(id);
                }

                @Override
                public boolean update(String id, String fromStates, Map<String, String> fields, boolean finish) {
                    return memory.update(id, fromStates, fields, finish);
                }

                @Override
                public long queued() {
                    return memory.queued();
                }

                @Override
                public Delivery next(Duration wait) throws InterruptedException {
                    return memory.next(wait);
                }

                @Override
                public Delivery reclaim(Duration idle) {
                    return memory.reclaim(idle);
                }

                @Override
                public void heartbeat(Delivery d) {
                    memory.heartbeat(d);
                }

                @Override
                public void ack(Delivery d) {
                    memory.ack(d);
                }

                @Override
                public boolean available() {
                    return memory.available();
                }

                @Override
                public String describe() {
                    return memory.describe();
                }

                @Override
                public void close() {
                    memory.close();
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Test
    void theAcceptedAnswerSaysQueuedWhateverTheStoreSaysByThen() throws Exception {
        Http http = new Http(port);
        HttpResponse<String> r = http.post("/api/v1/jobs", "{\"kind\": \"review\", \"schema\": "
                + Examples.read("simple_schema.json") + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode accepted = Json.parse(r.body());
        assertThat(accepted.get("state").asString()).as(r.body()).isEqualTo("queued");
        assertThat(accepted.get("kind").asString()).isEqualTo("review");
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/v1/jobs/" + accepted.get("id").asString());
        // The live state is what GET answers.
        assertThat(Json.parse(http.get(location).body()).get("state").asString()).isNotEqualTo("queued");
    }
}
