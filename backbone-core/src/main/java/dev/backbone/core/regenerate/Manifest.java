package dev.backbone.core.regenerate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code .backbone/manifest.json}: every file BackBone generated in the project, with the
 * SHA-256 of the content it wrote, and whether the file is the user's after its first write
 * (an extension point). A file whose hash still matches is ours to rewrite; any other file in
 * the folder is the user's.
 */
public record Manifest(Map<String, Entry> files) {

    public static final String DIR = ".backbone";
    public static final String FILE = DIR + "/manifest.json";
    public static final String SCHEMA = DIR + "/schema.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** @param userOwned written once, then the user's: never rewritten, never removed */
    public record Entry(String sha256, boolean userOwned) {}

    public Manifest {
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    }

    public static boolean isProject(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    public static Manifest read(Path dir) throws IOException {
        JsonNode root = JSON.readTree(Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8));
        Map<String, Entry> files = new LinkedHashMap<>();
        root.get("files").properties().forEach(e -> files.put(e.getKey(),
                new Entry(e.getValue().get("sha256").asString(), e.getValue().path("user_owned").asBoolean(false))));
        return new Manifest(files);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        root.put("about", "Files BackBone generated here and the hash of what it wrote; edit freely, BackBone merges.");
        ObjectNode files = root.putObject("files");
        this.files.forEach((path, e) -> {
            ObjectNode o = files.putObject(path);
            o.put("sha256", e.sha256());
            if (e.userOwned()) {
                o.put("user_owned", true);
            }
        });
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
