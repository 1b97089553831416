package dev.backbone.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code .env} file the way existing BackBone users write them (python-dotenv rules):
 * {@code NAME=value}, optional {@code export }, {@code #} comment lines, an inline
 * {@code  # comment} after an unquoted value (the earlier {@code .env.example} has
 * {@code APP_ENV=development  # development, staging, production}), single quotes literal,
 * double quotes with {@code \n}, {@code \"} and {@code \\} escapes.
 *
 * <p>A line that is not an assignment stops start-up with its line number: silently ignoring
 * it would hide a typo in a variable the user believes is set.
 */
public final class DotEnv {

    private DotEnv() {}

    /** The variables of {@code file}, in file order; an absent file is empty. */
    public static Map<String, String> load(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return Map.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return parse(lines, file.toString());
    }

    static Map<String, String> parse(List<String> lines, String fileName) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            String name = eq < 0 ? line : line.substring(0, eq).strip();
            if (eq <= 0 || !name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                throw new ConfigurationException(fileName + ":" + (i + 1) + ": expected NAME=value");
            }
            out.put(name, value(line.substring(eq + 1).strip(), fileName, i + 1, name));
        }
        return Collections.unmodifiableMap(out);
    }

    private static String value(String raw, String fileName, int lineNr, String name) {
        if (raw.startsWith("\"")) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\' && i + 1 < raw.length()) {
                    char n = raw.charAt(++i);
                    sb.append(switch (n) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> n;
                    });
                } else {
                    sb.append(c);
                }
            }
            throw new ConfigurationException(fileName + ":" + lineNr + ": " + name + ": closing \" missing");
        }
        if (raw.startsWith("'")) {
            int end = raw.indexOf('\'', 1);
            if (end < 0) {
                throw new ConfigurationException(fileName + ":" + lineNr + ": " + name + ": closing ' missing");
            }
            return raw.substring(1, end);
        }
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && (i == 0 || Character.isWhitespace(raw.charAt(i - 1)))) {
                return raw.substring(0, i).strip();
            }
        }
        return raw;
    }
}
