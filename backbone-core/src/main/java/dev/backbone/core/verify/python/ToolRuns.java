package dev.backbone.core.verify.python;

import dev.backbone.core.verify.VerifyReport.Check;
import dev.backbone.core.verify.VerifyReport.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs each Python tool once over a list of files and turns its output into one check per file:
 * files a tool complained about FAIL with its messages, the others PASS, and when the tool
 * itself cannot run every file is SKIPPED (tool missing) or FAILED (tool crashed or timed out).
 */
final class ToolRuns {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** {@code path:line[:col]: message}, as pyflakes and mypy print. */
    private static final Pattern LOCATED = Pattern.compile("^(.+?\\.py):(\\d+)(?::\\d+)?: (.*)$");
    private static final Pattern WOULD_REFORMAT = Pattern.compile("^would reformat (.+)$");
    private static final Pattern CANNOT_FORMAT = Pattern.compile("^error: cannot format (.+?): (.*)$");

    private final PythonToolchain tc;

    ToolRuns(PythonToolchain tc) {
        this.tc = tc;
    }

    List<Check> syntax(Path dir, List<String> files) {
        Optional<String> missing = tc.missing();
        if (missing.isPresent()) {
            return all(files, PythonToolchain.SYNTAX, Status.SKIPPED, missing.get());
        }
        List<String> args = new ArrayList<>(List.of("-c", PythonToolchain.script("syntax.py")));
        args.addAll(files);
        return runTool(dir, files, PythonToolchain.SYNTAX, args, r -> {
            Map<String, Check> byFile = new LinkedHashMap<>();
            for (JsonNode n : JSON.readTree(PythonToolchain.lastLine(r.stdout()))) {
                String path = n.get("path").asString();
                boolean ok = n.get("ok").asBoolean();
                byFile.put(path, new Check(path, PythonToolchain.SYNTAX, ok ? Status.PASSED : Status.FAILED,
                        ok ? "" : n.get("message").asString()));
            }
            return files.stream().map(f -> byFile.getOrDefault(f,
                    new Check(f, PythonToolchain.SYNTAX, Status.FAILED, "not compiled"))).toList();
        });
    }

    List<Check> pyflakes(Path dir, List<String> files) {
        List<String> args = new ArrayList<>(List.of("-m", "pyflakes"));
        args.addAll(files);
        return located(dir, files, PythonToolchain.PYFLAKES, args, new String[] {"pyflakes"}, 0, 1);
    }

    List<Check> mypy(Path dir, List<String> files) {
        Path cache = workDir().resolve("mypy-cache");
        Path config = emptyConfig("mypy.ini", "[mypy]\n");
        List<String> args = new ArrayList<>(List.of("-m", "mypy", "--strict", "--explicit-package-bases",
                "--no-color-output", "--no-error-summary", "--show-error-codes", "--cache-dir", cache.toString(),
                "--config-file", config.toString()));
        args.addAll(files);
        return located(dir, files, PythonToolchain.MYPY, args, new String[] {"mypy", "sqlalchemy"}, 0, 1);
    }

    List<Check> black(Path dir, List<String> files) {
        Optional<String> missing = tc.missing("black");
        if (missing.isPresent()) {
            return all(files, PythonToolchain.BLACK, Status.SKIPPED, missing.get());
        }
        Path config = emptyConfig("black.toml", "");
        List<String> args = new ArrayList<>(List.of("-m", "black", "--check", "--no-color", "--config", config.toString()));
        args.addAll(files);
        return runTool(dir, files, PythonToolchain.BLACK, args, r -> {
            // 1: some file would change; 123: some file could not be parsed (reported per file below)
            if (r.exitCode() != 0 && r.exitCode() != 1 && r.exitCode() != 123) {
                throw new ToolFailure("black exited with " + r.exitCode() + ": " + PythonToolchain.firstLine(r.output()));
            }
            Map<String, String> problems = new LinkedHashMap<>();
            for (String line : r.stderr().split("\n")) {
                Matcher m = WOULD_REFORMAT.matcher(line.strip());
                Matcher c = CANNOT_FORMAT.matcher(line.strip());
                if (m.matches()) {
                    problems.put(normalize(dir, m.group(1)), "not black-formatted (black would reformat it)");
                } else if (c.matches()) {
                    problems.put(normalize(dir, c.group(1)), "black cannot parse it: " + c.group(2));
                }
            }
            if (r.exitCode() != 0 && problems.isEmpty()) {
                throw new ToolFailure("black reported a problem it did not attribute: " + PythonToolchain.firstLine(r.output()));
            }
            return perFile(files, PythonToolchain.BLACK, problems);
        });
    }

    List<CreateAllResult> createAll(Path dir, List<String> packages, String url, Map<String, String> schemas) {
        Optional<String> missing = tc.missing("sqlalchemy");
        if (missing.isPresent()) {
            return packages.stream().map(p -> skipped(p, missing.get())).toList();
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("packages", packages);
        config.put("url", url);
        config.put("schemas", schemas);
        try {
            ProcessRunner.Result r = tc.run(List.of("-c", PythonToolchain.script("create_all.py"),
                    JSON.writeValueAsString(config)), dir);
            if (r.timedOut() || r.exitCode() != 0) {
                String why = r.timedOut() ? "timed out after " + tc.timeout().toSeconds() + " s"
                        : "exited with " + r.exitCode() + ": " + PythonToolchain.lastLine(r.stderr());
                return packages.stream().map(p -> failed(p, why)).toList();
            }
            List<CreateAllResult> out = new ArrayList<>();
            for (JsonNode n : JSON.readTree(PythonToolchain.lastLine(r.stdout()))) {
                List<String> tables = new ArrayList<>();
                if (n.has("tables")) {
                    n.get("tables").forEach(t -> tables.add(t.asString()));
                }
                boolean ok = n.get("ok").asBoolean();
                out.add(new CreateAllResult(n.get("package").asString(), ok, tables,
                        ok ? null : n.get("error").asString(), null));
            }
            return out;
        } catch (IOException e) {
            return packages.stream().map(p -> failed(p, "cannot run " + tc.interpreter() + ": " + e.getMessage())).toList();
        }
    }

    private static CreateAllResult skipped(String pkg, String why) {
        return new CreateAllResult(pkg, false, List.of(), null, why);
    }

    private static CreateAllResult failed(String pkg, String why) {
        return new CreateAllResult(pkg, false, List.of(), why, null);
    }

    /** A tool that prints {@code path:line: message}; {@code okCodes} are the exit codes of a normal run. */
    private List<Check> located(Path dir, List<String> files, String check, List<String> args, String[] modules,
            int... okCodes) {
        String module = modules[0];
        Optional<String> missing = tc.missing(modules);
        if (missing.isPresent()) {
            return all(files, check, Status.SKIPPED, missing.get());
        }
        return runTool(dir, files, check, args, r -> {
            boolean normal = false;
            for (int c : okCodes) {
                normal |= r.exitCode() == c;
            }
            if (!normal) {
                throw new ToolFailure(module + " exited with " + r.exitCode() + ": " + PythonToolchain.firstLine(r.output()));
            }
            Map<String, String> problems = new LinkedHashMap<>();
            for (String line : r.output().split("\n")) {
                Matcher m = LOCATED.matcher(line.strip());
                if (m.matches() && !m.group(3).startsWith("note:")) {
                    problems.merge(normalize(dir, m.group(1)), "line " + m.group(2) + ": " + m.group(3), (a, b) -> a + "; " + b);
                }
            }
            if (r.exitCode() != 0 && problems.isEmpty()) {
                throw new ToolFailure(module + " failed without naming a file: " + PythonToolchain.firstLine(r.output()));
            }
            return perFile(files, check, problems);
        });
    }

    private interface Interpreter {
        List<Check> read(ProcessRunner.Result r);
    }

    /** A tool's own failure (crash, unexpected output): every file FAILS with the reason. */
    private static final class ToolFailure extends RuntimeException {
        ToolFailure(String message) {
            super(message);
        }
    }

    private List<Check> runTool(Path dir, List<String> files, String check, List<String> args, Interpreter interpreter) {
        if (files.isEmpty()) {
            return List.of();
        }
        try {
            ProcessRunner.Result r = tc.run(args, dir);
            if (r.timedOut()) {
                return all(files, check, Status.FAILED, check + " timed out after " + tc.timeout().toSeconds() + " s");
            }
            return interpreter.read(r);
        } catch (IOException e) {
            return all(files, check, Status.SKIPPED, "cannot run " + tc.interpreter() + ": " + e.getMessage());
        } catch (ToolFailure | tools.jackson.core.JacksonException e) {
            return all(files, check, Status.FAILED, e.getMessage());
        }
    }

    private static List<Check> perFile(List<String> files, String check, Map<String, String> problems) {
        return files.stream().map(f -> problems.containsKey(f)
                ? new Check(f, check, Status.FAILED, problems.get(f))
                : new Check(f, check, Status.PASSED, "")).toList();
    }

    private static List<Check> all(List<String> files, String check, Status status, String message) {
        return files.stream().map(f -> new Check(f, check, status, message)).toList();
    }

    /** A path as a tool printed it, relative to {@code dir} with {@code /} separators. */
    private static String normalize(Path dir, String printed) {
        Path p = Path.of(printed);
        if (p.isAbsolute()) {
            try {
                p = dir.toRealPath().relativize(p.toRealPath());
            } catch (IOException | IllegalArgumentException e) {
                p = dir.toAbsolutePath().relativize(p);
            }
        }
        return p.normalize().toString().replace('\\', '/');
    }

    /** A private folder for caches and empty config files (tools must not read a user's config). */
    private static Path workDir() {
        Path d = Path.of(System.getProperty("java.io.tmpdir"), "backbone-python-" + System.getProperty("user.name", "user"));
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    private static Path emptyConfig(String name, String content) {
        Path f = workDir().resolve(name);
        try {
            if (!Files.exists(f)) {
                Files.writeString(f, content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }
}
