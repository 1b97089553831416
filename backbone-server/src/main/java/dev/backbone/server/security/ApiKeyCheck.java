package dev.backbone.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Compares a presented API key with {@code API_KEY} in constant time. Both are hashed first
 * (SHA-256), so {@link MessageDigest#isEqual} compares two 32-byte values: the time taken says
 * nothing about how many leading characters matched, nor about the key's length.
 */
final class ApiKeyCheck {

    private final byte[] expected;

    ApiKeyCheck(String apiKey) {
        this.expected = sha256(apiKey.strip());
    }

    boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(sha256(presented.strip()), expected);
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
