package dev.backbone.core.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one reader of {@code .env} files, for {@code serve} and for the CLI's LLM commands alike,
 * so that the same file means the same values everywhere. The grammar is the subset of
 * python-dotenv's that users' files use, documented in {@code docs/configuration.md}:
 * <ul>
 *   <li>blank lines and lines starting with {@code #} are skipped; an optional {@code export }
 *       precedes {@code NAME=value}; white space around the name, the {@code =} and the value is
 *       dropped; a later assignment of a name wins;
 *   <li>an unquoted value ends at a {@code #} preceded by white space (a comment);
 *   <li>{@code 'single quotes'} are literal but for {@code \'} and {@code \\};
 *       {@code "double quotes"} know {@code \n \r \t \" \\ \$}, keep any other backslash as
 *       written, and either may span lines; after the closing quote only a comment may follow;
 *   <li>{@code $} is not expanded.
 * </ul>
 *
 * <p>Any other line is an error, {@code file:line: ...}: silently ignoring it would hide a typo
 * in a variable the user believes is set.
 */
public final class DotEnv {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private DotEnv() {}

    /** The variables of {@code file}, in file order; an absent file has none. */
    public static Map<String, String> load(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return Map.of();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DotEnvException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return parse(text.lines().toList(), file.toString());
    }

    /**
     * {@code processEnv} over the variables of {@code file}: a variable set in the process wins,
     * as with docker compose and python-dotenv.
     */
    public static Map<String, String> merged(Path file, Map<String, String> processEnv) {
        Map<String, String> out = new LinkedHashMap<>(load(file));
        out.putAll(processEnv);
        return Collections.unmodifiableMap(out);
    }

    /** The variables of these lines; {@code fileName} is how errors name the file. */
    public static Map<String, String> parse(List<String> lines, String fileName) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ") || line.startsWith("export\t")) {
                line = line.substring("export".length()).strip();
            }
            int eq = line.indexOf('=');
            String name = eq < 0 ? line : line.substring(0, eq).strip();
            if (eq <= 0 || !NAME.matcher(name).matches()) {
                throw error(fileName, i, "expected NAME=value");
            }
            String raw = line.substring(eq + 1).strip();
            if (raw.startsWith("\"") || raw.startsWith("'")) {
                i = quoted(lines, i, raw, fileName, name, out);
            } else {
                out.put(name, unquoted(raw));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** An unquoted value: up to a {@code #} that follows white space. */
    private static String unquoted(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && (i == 0 || Character.isWhitespace(raw.charAt(i - 1)))) {
                return raw.substring(0, i).strip();
            }
        }
        return raw;
    }

    /**
     * A quoted value starting at line {@code first} (its text after {@code =} is {@code raw}),
     * possibly continued on the following lines; returns the index of the line it ends on.
     */
    private static int quoted(List<String> lines, int first, String raw, String fileName, String name,
            Map<String, String> out) {
        char quote = raw.charAt(0);
        StringBuilder value = new StringBuilder();
        String text = raw.substring(1);
        int line = first;
        while (true) {
            int end = scan(text, quote, value);
            if (end >= 0) {
                String rest = text.substring(end + 1).strip();
                if (!rest.isEmpty() && !rest.startsWith("#")) {
                    throw error(fileName, line, name + ": unexpected text after the closing " + quote);
                }
                out.put(name, value.toString());
                return line;
            }
            if (++line >= lines.size()) {
                throw error(fileName, first, name + ": closing " + quote + " missing");
            }
            value.append('\n');
            text = lines.get(line);
        }
    }

    /** Appends the value in {@code text} up to the closing quote; its index, or -1 when the line has none. */
    private static int scan(String text, char quote, StringBuilder value) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote) {
                return i;
            }
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(i + 1);
                String escaped = quote == '\'' ? single(n) : dbl(n);
                if (escaped != null) {
                    value.append(escaped);
                    i++;
                    continue;
                }
            }
            value.append(c);
        }
        return -1;
    }

    private static String single(char n) {
        return n == '\'' || n == '\\' ? String.valueOf(n) : null;
    }

    private static String dbl(char n) {
        return switch (n) {
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case '"', '\\', '$' -> String.valueOf(n);
            default -> null;
        };
    }

    private static DotEnvException error(String fileName, int index, String what) {
        return new DotEnvException(fileName + ":" + (index + 1) + ": " + what);
    }
}
