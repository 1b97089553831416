package dev.backbone.agents.llm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code .env} file ({@code KEY=value} lines, {@code #} comments, optional {@code export }
 * and quotes) and merges it under the real environment: a variable set in the process wins, as
 * with docker compose and python-dotenv. Values are never printed by this class.
 */
public final class EnvFile {

    private EnvFile() {}

    /** The process environment over the file's values; a missing file is simply no values. */
    public static Map<String, String> merged(Path dotEnv, Map<String, String> processEnv) {
        Map<String, String> out = new HashMap<>(Files.isRegularFile(dotEnv) ? read(dotEnv) : Map.of());
        out.putAll(processEnv);
        return out;
    }

    public static Map<String, String> read(Path dotEnv) {
        try {
            return parse(Files.readAllLines(dotEnv, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dotEnv, e);
        }
    }

    static Map<String, String> parse(List<String> lines) {
        Map<String, String> out = new HashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            out.put(key, value(line.substring(eq + 1).strip()));
        }
        return out;
    }

    private static String value(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        int comment = v.indexOf(" #");
        return comment >= 0 ? v.substring(0, comment).strip() : v;
    }
}
