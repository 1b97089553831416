package dev.backbone.server.logging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redacts secrets from every log line, in text and JSON, at every level (debug included): the
 * values of the configured secret variables (registered at start-up), and anything shaped
 * like a credential: provider API keys, bearer tokens, JWTs, {@code X-API-Key} headers and
 * {@code key=value} pairs whose name says key, token, secret or password.
 *
 * <p>Static because Logback converters are created by Logback, not by Spring; the registered
 * values are the only state and only grow.
 */
public final class SecretMasker {

    /** What a secret is replaced with. */
    public static final String MASK = "****";

    private static final List<String> VALUES = new CopyOnWriteArrayList<>();

    private static final Pattern[] SHAPES = {
        // Bearer tokens and Authorization headers (the scheme stays, the credential goes).
        Pattern.compile("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/=-]{8,}"),
        // JWTs anywhere: header.payload.signature, base64url, header starts with eyJ.
        Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"),
        // OpenAI / Anthropic / LangSmith style keys.
        Pattern.compile("\\b(?:sk|pk|rk)-(?:ant-|proj-|live-|test-)?[A-Za-z0-9_-]{16,}"),
        Pattern.compile("\\bls(?:v2)?_(?:pt|sk)_[A-Za-z0-9_]{16,}"),
        // Google API keys.
        Pattern.compile("\\bAIza[0-9A-Za-z_-]{30,}"),
        // name=value, name: value, "name": "value" for names that say secret.
        Pattern.compile("(?i)([\"']?[A-Za-z0-9_.-]*(?:api[_-]?key|secret(?:[_-]?key)?|token|password|passwd|authorization)"
                + "[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"',;}&]{4,})"),
    };

    private SecretMasker() {}

    /** Adds configured secret values (keys, tokens, the JWT signing key); values under 4 characters are ignored. */
    public static void register(Collection<String> secrets) {
        List<String> add = new ArrayList<>();
        for (String s : secrets) {
            if (s != null && s.strip().length() >= 4 && !VALUES.contains(s.strip())) {
                add.add(s.strip());
            }
        }
        VALUES.addAll(add);
        // Longest first so a secret containing another is replaced whole.
        List<String> sorted = new ArrayList<>(VALUES);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        VALUES.clear();
        VALUES.addAll(sorted);
    }

    /** The text with every secret replaced by {@link #MASK}. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String v : VALUES) {
            if (out.contains(v)) {
                out = out.replace(v, MASK);
            }
        }
        for (Pattern p : SHAPES) {
            Matcher m = p.matcher(out);
            if (!m.find()) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            do {
                String keep = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : "";
                m.appendReplacement(sb, Matcher.quoteReplacement(keep + MASK));
            } while (m.find());
            m.appendTail(sb);
            out = sb.toString();
        }
        return out;
    }
}
