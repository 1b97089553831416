package dev.backbone.server.health;

import dev.backbone.server.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code OUTPUT_DIR} exists (created if missing) and a file can be written and removed there. */
final class FilesystemHealthCheck implements HealthCheck {

    private final Path dir;

    FilesystemHealthCheck(Settings settings) {
        this.dir = settings.outputDir().toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return "filesystem";
    }

    @Override
    public Result check() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("output_dir", dir.toString());
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".health_check-", ".tmp");
            try {
                Files.writeString(probe, "health_check");
            } finally {
                Files.deleteIfExists(probe);
            }
            meta.put("writable", true);
            meta.put("free_bytes", Files.getFileStore(dir).getUsableSpace());
            return new Result(HealthStatus.HEALTHY, "Filesystem accessible and writable", meta);
        } catch (IOException | SecurityException e) {
            meta.put("writable", false);
            return new Result(HealthStatus.UNHEALTHY, "OUTPUT_DIR '" + dir + "' is not writable: " + reason(e), meta);
        }
    }

    private static String reason(Exception e) {
        String kind = e.getClass().getSimpleName();
        return switch (kind) {
            case "AccessDeniedException" -> "permission denied";
            case "FileAlreadyExistsException", "NotDirectoryException" -> "a file is in the way of the folder";
            case "NoSuchFileException" -> "a parent folder is missing";
            default -> kind + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        };
    }
}
