package dev.backbone.core.verify.python;

import dev.backbone.core.verify.VerifyReport.Check;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Python interpreter and tools that prove generated SQLAlchemy code works: syntax, pyflakes,
 * black, mypy --strict, import + {@code create_all}. Found through {@code BACKBONE_PYTHON}, else
 * {@code python3} on the PATH; tools are whatever that interpreter can import (so PYTHONPATH
 * counts). A check whose tool is missing is SKIPPED with the reason, never PASSED, and every
 * tool run is bounded by a timeout.
 */
public final class PythonToolchain {

    public static final String SYNTAX = "syntax";
    public static final String PYFLAKES = "pyflakes";
    public static final String BLACK = "black";
    public static final String MYPY = "mypy";
    public static final String CREATE_ALL = "create_all";
    public static final String RUFF = "ruff";
    public static final String PYTEST = "pytest";

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String python;
    private final Map<String, String> env;
    private final Duration timeout;
    private final Probe probe;
    private final ToolRuns runs;

    /** What the interpreter offers: its version and the importable tools with their versions. */
    public record Probe(String pythonVersion, Map<String, String> modules, String problem) {
        public Probe {
            modules = Map.copyOf(modules);
        }
    }

    private PythonToolchain(String python, Map<String, String> env, Duration timeout, Probe probe) {
        this.python = python;
        this.env = Map.copyOf(env);
        this.timeout = timeout;
        this.probe = probe;
        this.runs = new ToolRuns(this);
    }

    /** The toolchain of this process's environment, with the default timeout per tool run. */
    public static PythonToolchain detect() {
        return detect(System.getenv(), DEFAULT_TIMEOUT);
    }

    /**
     * @param environment where to read {@code BACKBONE_PYTHON} and {@code PATH} from
     * @param timeout the limit for each tool run
     */
    public static PythonToolchain detect(Map<String, String> environment, Duration timeout) {
        Map<String, String> childEnv = new LinkedHashMap<>();
        childEnv.put("PYTHONDONTWRITEBYTECODE", "1");
        childEnv.put("PYTHONIOENCODING", "utf-8");
        childEnv.put("PYTHONUTF8", "1");
        String configured = environment.get("BACKBONE_PYTHON");
        String python = configured != null && !configured.isBlank() ? configured.strip() : onPath("python3", environment.get("PATH"));
        if (python == null) {
            return new PythonToolchain(null, childEnv, timeout,
                    new Probe(null, Map.of(), "no Python interpreter: set BACKBONE_PYTHON or put python3 on the PATH"));
        }
        PythonToolchain unprobed = new PythonToolchain(python, childEnv, timeout, new Probe(null, Map.of(), null));
        return new PythonToolchain(python, childEnv, timeout, unprobed.runProbe());
    }

    private static String onPath(String program, String path) {
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private Probe runProbe() {
        try {
            ProcessRunner.Result r = run(List.of("-c", script("probe.py")), null, Duration.ofSeconds(60));
            if (r.timedOut()) {
                return new Probe(null, Map.of(), python + " did not answer within 60 s");
            }
            if (r.exitCode() != 0) {
                return new Probe(null, Map.of(), python + " failed: " + firstLine(r.output()));
            }
            JsonNode info = JSON.readTree(lastLine(r.stdout()));
            Map<String, String> modules = new LinkedHashMap<>();
            info.get("modules").properties().forEach(e -> modules.put(e.getKey(), e.getValue().asString()));
            return new Probe(info.get("python").asString(), modules, null);
        } catch (IOException e) {
            return new Probe(null, Map.of(), "cannot run " + python + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return new Probe(null, Map.of(), "unexpected answer from " + python + ": " + e.getMessage());
        }
    }

    /** Whether an interpreter was found and answered. */
    public boolean available() {
        return probe.problem() == null && python != null;
    }

    /** The interpreter's command (a path or a name), or null when none was found. */
    public String interpreter() {
        return python;
    }

    public Probe probe() {
        return probe;
    }

    /** The version of an importable module ({@code sqlalchemy}, {@code black}, {@code mypy}, {@code pyflakes}). */
    public Optional<String> version(String module) {
        return Optional.ofNullable(probe.modules().get(module));
    }

    /** Whether SQLAlchemy 2.x imports: without it no generated model can be checked. */
    public boolean hasSqlAlchemy2() {
        return version("sqlalchemy").map(v -> v.startsWith("2.")).orElse(false);
    }

    /** Whether the interpreter and every named module are there. */
    public boolean has(String... modules) {
        return missing(modules).isEmpty();
    }

    /**
     * Why a check needing these modules cannot run, or empty when it can; {@code sqlalchemy}
     * must be a 2.x version.
     */
    public Optional<String> missing(String... modules) {
        if (!available()) {
            return Optional.of(probe.problem());
        }
        List<String> absent = new ArrayList<>();
        for (String m : modules) {
            if (m.equals("sqlalchemy") && probe.modules().containsKey(m) && !hasSqlAlchemy2()) {
                return Optional.of("SQLAlchemy 2.x is not importable by " + python + " (found "
                        + probe.modules().get(m) + "); install it or set PYTHONPATH");
            }
            if (!probe.modules().containsKey(m)) {
                absent.add(m);
            }
        }
        return absent.isEmpty() ? Optional.empty()
                : Optional.of(String.join(", ", absent) + " not importable by " + python
                        + " (install it, or set BACKBONE_PYTHON / PYTHONPATH)");
    }

    /** One line for reports: interpreter and tool versions. */
    public String describe() {
        if (!available()) {
            return probe.problem();
        }
        StringBuilder b = new StringBuilder("Python ").append(probe.pythonVersion()).append(" (").append(python).append(")");
        probe.modules().forEach((m, v) -> b.append(", ").append(m).append(' ').append(v));
        return b.toString();
    }

    /** Compiles each file (no bytecode written). One check per file. */
    public List<Check> checkSyntax(Path dir, List<String> files) {
        return runs.syntax(dir, files);
    }

    /** {@code python -m pyflakes}: unused imports, undefined names. One check per file. */
    public List<Check> checkPyflakes(Path dir, List<String> files) {
        return runs.pyflakes(dir, files);
    }

    /** {@code python -m black --check} with black's defaults (line length 88), ignoring any project config. */
    public List<Check> checkBlack(Path dir, List<String> files) {
        return runs.black(dir, files);
    }

    /**
     * {@code python -m mypy --strict} over the files, module names taken from paths relative to
     * {@code dir} (so several projects in sub-folders of {@code dir} can be checked in one run).
     */
    public List<Check> checkMypy(Path dir, List<String> files) {
        return runs.mypy(dir, files);
    }

    /**
     * Imports {@code <pkg>.models} and {@code <pkg>.database}, configures the mappers and runs
     * {@code Base.metadata.create_all} on an in-memory SQLite database. One check per package,
     * reported for path {@code <pkg>/*}.
     */
    public List<Check> checkCreateAll(Path dir, List<String> packages) {
        return runs.createAll(dir, packages, null, Map.of()).stream().map(CreateAllResult::check).toList();
    }

    /**
     * Every check on one generated project whose Python files are {@code files} (relative to
     * {@code dir}); a project with a {@code pyproject.toml} is also checked by {@code ruff check}
     * (its configuration), and one with {@code tests/conftest.py} runs its own tests.
     */
    public List<Check> checkProject(Path dir, List<String> files) {
        List<Check> out = new ArrayList<>();
        out.addAll(checkSyntax(dir, files));
        out.addAll(checkPyflakes(dir, files));
        if (Files.isRegularFile(dir.resolve("pyproject.toml"))) {
            out.add(projectTool(dir, RUFF, List.of("-m", "ruff", "check", "--no-cache", "--output-format", "concise", ".")));
        }
        out.addAll(checkBlack(dir, files));
        out.addAll(checkMypy(dir, files));
        out.addAll(checkCreateAll(dir, List.of("app")));
        if (files.contains("tests/conftest.py")) {
            out.add(projectTool(dir, PYTEST, List.of("-m", "pytest", "-q", "-p", "no:cacheprovider")));
        }
        return out;
    }

    /** One check of the whole project by a tool that judges it by its exit code. */
    Check projectTool(Path dir, String tool, List<String> args) {
        Optional<String> absent = missing(tool);
        if (absent.isPresent()) {
            return new Check("*", tool, dev.backbone.core.verify.VerifyReport.Status.SKIPPED, absent.get());
        }
        try {
            ProcessRunner.Result r = run(args, dir);
            if (r.timedOut()) {
                return new Check("*", tool, dev.backbone.core.verify.VerifyReport.Status.FAILED, tool + " did not finish within " + timeout);
            }
            return r.exitCode() == 0
                    ? new Check("*", tool, dev.backbone.core.verify.VerifyReport.Status.PASSED, lastLine(r.output()))
                    : new Check("*", tool, dev.backbone.core.verify.VerifyReport.Status.FAILED, tail(r.output(), 40));
        } catch (IOException e) {
            return new Check("*", tool, dev.backbone.core.verify.VerifyReport.Status.FAILED, "cannot run " + tool + ": " + e.getMessage());
        }
    }

    private static String tail(String s, int lines) {
        String[] all = s.strip().split("\n");
        return String.join("\n", java.util.Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
    }

    /**
     * Imports each package and runs {@code create_all} against {@code url} (SQLite in memory when
     * null), each in its own PostgreSQL schema when {@code schemas} names one: one interpreter for
     * all packages.
     */
    public List<CreateAllResult> createAll(Path dir, List<String> packages, String url, Map<String, String> schemas) {
        return runs.createAll(dir, packages, url, schemas);
    }

    /** What a script printed and how it ended ({@code exitCode} -1 when it timed out). */
    public record ScriptResult(int exitCode, String stdout, String stderr, boolean timedOut) {}

    /**
     * Runs Python source ({@code python -c source args...}) in {@code dir}, within the
     * toolchain's timeout: for callers with checks of their own (tests, tools).
     *
     * @throws IOException when the interpreter cannot be started
     */
    public ScriptResult runScript(Path dir, String source, List<String> args) throws IOException {
        if (python == null) {
            throw new IOException(probe.problem());
        }
        List<String> all = new ArrayList<>();
        all.add("-c");
        all.add(source);
        all.addAll(args);
        ProcessRunner.Result r = run(all, dir);
        return new ScriptResult(r.exitCode(), r.stdout(), r.stderr(), r.timedOut());
    }

    /** Runs the interpreter with arguments, in {@code cwd}, within the toolchain's timeout. */
    ProcessRunner.Result run(List<String> args, Path cwd) throws IOException {
        return run(args, cwd, timeout);
    }

    private ProcessRunner.Result run(List<String> args, Path cwd, Duration limit) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(python);
        command.addAll(args);
        return ProcessRunner.run(command, cwd, env, limit);
    }

    Duration timeout() {
        return timeout;
    }

    static String script(String name) {
        try (InputStream in = PythonToolchain.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    static String lastLine(String s) {
        String t = s.strip();
        int nl = t.lastIndexOf('\n');
        return nl < 0 ? t : t.substring(nl + 1);
    }
}
