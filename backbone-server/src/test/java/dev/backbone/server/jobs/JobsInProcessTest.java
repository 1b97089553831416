package dev.backbone.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.Json;
import dev.backbone.server.support.ServerTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Without REDIS_URL: jobs run in the process, readiness says where they live, metrics count them. */
@ServerTest
class JobsInProcessTest {

    @LocalServerPort
    int port;

    @Test
    void aJobRunsInTheProcessAndIsCounted() throws Exception {
        Http http = new Http(port);
        HttpResponse<String> r = http.post("/api/v1/jobs", "{\"kind\": \"review\", \"schema\": "
                + Examples.read("simple_schema.json") + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String location = r.headers().firstValue("Location").orElseThrow();
        JsonNode job = Json.parse(http.get(location).body());
        for (int i = 0; i < 200 && !job.get("state").asString().matches("succeeded|failed"); i++) {
            Thread.sleep(50);
            job = Json.parse(http.get(location).body());
        }
        assertThat(job.get("owner").asString()).isEqualTo("anonymous");
        // No LLM is configured in the test server: the review route's 503 is the job's result.
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("failed");
        assertThat(job.get("result_status").asInt()).isEqualTo(503);
        assertThat(job.get("result").get("message").asString()).isNotBlank();

        JsonNode ready = Json.parse(http.get("/health/readiness").body());
        JsonNode jobs = null;
        for (JsonNode c : ready.get("components")) {
            if (c.get("name").asString().equals("jobs")) {
                jobs = c;
            }
        }
        assertThat(jobs).isNotNull();
        assertThat(jobs.get("metadata").get("backend").asString()).isEqualTo("memory");
        String metrics = http.get("/metrics").body();
        assertThat(metrics).contains("backbone_jobs_submitted_total{kind=\"review\"}")
                .contains("backbone_jobs_finished_total{kind=\"review\",state=\"failed\"}")
                .contains("backbone_jobs_duration_seconds_bucket{kind=\"review\"");
        assertThat(http.get("/api/v1/jobs/no-such-job").statusCode()).isEqualTo(404);
    }
}
