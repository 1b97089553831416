package dev.backbone.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    @Test
    void masksConfiguredValuesWherever_they_appear() {
        SecretMasker.register(List.of("my-own-jwt-signing-secret"));
        assertThat(SecretMasker.mask("signing with my-own-jwt-signing-secret now"))
                .isEqualTo("signing with **** now");
    }

    @Test
    void masksCredentialShapes() {
        assertThat(SecretMasker.mask("Authorization: Bearer abcdefghijklmnop123")).doesNotContain("abcdefghijklmnop123");
        assertThat(SecretMasker.mask("key sk-proj-ABCDEFGHIJKLMNOPQRSTUVWX12 used")).isEqualTo("key **** used");
        assertThat(SecretMasker.mask("anthropic sk-ant-api03-abcdefghijklmnopqrstuv")).doesNotContain("abcdefghijklmnopqrstuv");
        assertThat(SecretMasker.mask("google AIzaSyA1234567890abcdefghijklmnopqrstu"))
                .isEqualTo("google ****");
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlLXZhbHVl";
        assertThat(SecretMasker.mask("token " + jwt)).doesNotContain("eyJzdWIiOiJ1c2VyIn0");
        assertThat(SecretMasker.mask("X-API-Key: plain-key-value")).isEqualTo("X-API-Key: ****");
        assertThat(SecretMasker.mask("OPENAI_API_KEY=whatever-it-is")).isEqualTo("OPENAI_API_KEY=****");
        assertThat(SecretMasker.mask("{\"api_key\": \"abc123456\"}")).isEqualTo("{\"api_key\": \"****\"}");
        assertThat(SecretMasker.mask("password=hunter2-very-secret")).isEqualTo("password=****");
    }

    @Test
    void masksTheCredentialsTheApiAccepts() {
        String signed = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSIsInNjb3BlIjoiZ2VuZXJhdGUifQ.q1w2e3r4t5y6u7i8o9p0";
        String unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9.";
        assertThat(SecretMasker.mask("Authorization: Bearer " + signed)).startsWith("Authorization: ****")
                .doesNotContain("eyJzdWIiOiJhbGljZSIsInNjb3BlIjoiZ2VuZXJhdGUifQ", "q1w2e3r4t5y6u7i8o9p0");
        assertThat(SecretMasker.mask("got " + unsigned + " from client")).isEqualTo("got **** from client");
        assertThat(SecretMasker.mask("headers {X-API-Key=bb-key-123456, Accept=*/*}")).doesNotContain("bb-key-123456");
        assertThat(SecretMasker.mask("{\"x-api-key\": \"bb-key-123456\"}")).doesNotContain("bb-key-123456");
        SecretMasker.register(List.of("an-api-key-without-a-telling-shape"));
        assertThat(SecretMasker.mask("client sent an-api-key-without-a-telling-shape twice"))
                .isEqualTo("client sent **** twice");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String line = "Workflow generation completed in 12.3 ms (prompt_tokens=120, 5 files)";
        assertThat(SecretMasker.mask(line)).isEqualTo(line);
        assertThat(SecretMasker.mask("Validation warning: unused import")).isEqualTo("Validation warning: unused import");
    }
}
