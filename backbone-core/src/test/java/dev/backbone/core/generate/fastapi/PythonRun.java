package dev.backbone.core.generate.fastapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the toolchain's interpreter on a generated project: {@code python -m tool args} in its folder, bounded in time. */
final class PythonRun {

    /** How a run ended: its exit code (-1 on a timeout) and its output (stdout and stderr). */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private PythonRun() {}

    static Result module(String python, Path cwd, Map<String, String> env, int timeoutSeconds, String module, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python, "-m", module));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        Path log = Files.createTempFile("bb-python", ".log");
        pb.redirectOutput(log.toFile());
        pb.environment().remove("PYTHONPATH");
        pb.environment().remove("DATABASE_URL");
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        pb.environment().put("PYTHONUTF8", "1");
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Result(done ? p.exitValue() : -1, out);
    }
}
