package dev.backbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backbone-ai token} in a child JVM, since only there can the environment carry
 * {@code JWT_SECRET_KEY}: the token alone on standard output, signed with the key, never the
 * key itself; a missing key is one line and exit 2.
 */
class TokenCommandTest {

    private static final String SECRET = "cli-token-test-secret-0123456789abcdef";

    @TempDir
    Path work;

    record Child(int exit, String out, String err) {}

    private Child run(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.backbone.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        pb.environment().remove("JWT_SECRET_KEY");
        pb.environment().putAll(env);
        File out = work.resolve("out.txt").toFile();
        File err = work.resolve("err.txt").toFile();
        pb.redirectOutput(out).redirectError(err);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Child(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    @Test
    void printsOnlyATokenSignedWithTheConfiguredKey() throws Exception {
        Child c = run(Map.of("JWT_SECRET_KEY", SECRET), "token", "--sub", "ci-bot", "--scopes", "generate,validate", "--hours", "3");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.err()).isEmpty();
        assertThat(c.out()).doesNotContain(SECRET).endsWith("\n");
        String token = c.out().strip();
        assertThat(token.lines()).hasSize(1);
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("ci-bot");
        assertThat(claims.getStringClaim("scope")).isEqualTo("generate validate");
        Duration life = Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
        assertThat(life).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void theKeyComesFromDotEnvToo() throws Exception {
        Files.writeString(work.resolve(".env"), "JWT_SECRET_KEY=" + SECRET + "\nJWT_EXPIRATION_HOURS=2\n");
        Child c = run(Map.of(), "token", "--sub", "x");
        assertThat(c.exit()).as(c.err()).isZero();
        JWTClaimsSet claims = SignedJWT.parse(c.out().strip()).getJWTClaimsSet();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .as("default: JWT_EXPIRATION_HOURS").isEqualTo(Duration.ofHours(2));
        Child tooLong = run(Map.of(), "token", "--sub", "x", "--hours", "3");
        assertThat(tooLong.exit()).isEqualTo(2);
        assertThat(tooLong.err().strip()).startsWith("backbone-ai: ").contains("JWT_EXPIRATION_HOURS (2)").doesNotContain(SECRET);
        assertThat(tooLong.out()).isEmpty();
    }

    @Test
    void withoutAKeyItIsOneLineAndExitTwo() throws Exception {
        Child c = run(Map.of(), "token", "--sub", "x", "--scopes", "validate");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err().strip()).isEqualTo("backbone-ai: JWT_SECRET_KEY is not set (environment or .env); the service verifies tokens with it");
        assertThat(c.out()).isEmpty();
        Child scope = run(Map.of("JWT_SECRET_KEY", SECRET), "token", "--sub", "x", "--scopes", "admin");
        assertThat(scope.exit()).isEqualTo(2);
        assertThat(scope.err()).contains("unknown scope 'admin'").doesNotContain(SECRET);
    }
}
