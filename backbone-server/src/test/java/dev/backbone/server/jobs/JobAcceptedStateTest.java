package dev.backbone.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.ServerTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
        /** A memory store whose {@code find} reports a queued job as running; everything else as is. */
        @Bean
        @Primary
        JobStore alreadyRunningStore() {
            MemoryJobStore memory = new MemoryJobStore(Duration.ofMinutes(5), System::currentTimeMillis);
            return (JobStore) Proxy.newProxyInstance(JobStore.class.getClassLoader(), new Class<?>[] {JobStore.class},
                    (proxy, method, args) -> {
                        Object answer = invoke(method, memory, args);
                        if (!method.getName().equals("find")) {
                            return answer;
                        }
                        return ((Optional<?>) answer).map(j -> {
                            Map<String, String> f = new HashMap<>(((Job) j).fields());
                            f.replace("state", "queued", "running");
                            return new Job(((Job) j).id(), f);
                        });
                    });
        }

        private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
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
