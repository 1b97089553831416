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
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * {@code .backbone/manifest.json}: every file BackBone generated in the project, with the
 * SHA-256 of the content it wrote, and whether the file is the user's after its first write
 * (an extension point). A file whose hash still matches is ours to rewrite; any other file in
 * the folder is the user's.
 * Read and written token by token ({@link StateJson}).
 */
public record Manifest(Map<String, Entry> files) {

    public static final String DIR = ".backbone";
    public static final String FILE = DIR + "/manifest.json";
    public static final String SCHEMA = DIR + "/schema.json";

    /** @param userOwned written once, then the user's: never rewritten, never removed */
    public record Entry(String sha256, boolean userOwned) {}

    public Manifest {
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    }

    public static boolean isProject(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    public static Manifest read(Path dir) throws IOException {
        Map<String, Entry> files = new LinkedHashMap<>();
        try (JsonParser p = StateJson.FACTORY.createParser(ObjectReadContext.empty(), Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8))) {
            StateJson.expect(FILE, p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("files")) {
                    StateJson.expect(FILE, value, JsonToken.START_OBJECT);
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String path = p.currentName();
                        StateJson.expect(FILE, p.nextToken(), JsonToken.START_OBJECT);
                        files.put(path, entry(p));
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (tools.jackson.core.JacksonException e) {
            throw new IOException(FILE + " is not a BackBone manifest: " + e.getOriginalMessage(), e);
        }
        return new Manifest(files);
    }

    /** One file's object; the parser is on its START_OBJECT. */
    private static Entry entry(JsonParser p) throws IOException {
        String sha = null;
        boolean userOwned = false;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("sha256") && value == JsonToken.VALUE_STRING) {
                sha = p.getString();
            } else if (name.equals("user_owned")) {
                userOwned = value == JsonToken.VALUE_TRUE;
            } else {
                p.skipChildren();
            }
        }
        if (sha == null) {
            throw new IOException(FILE + " is not a BackBone manifest: a file without its sha256");
        }
        return new Entry(sha, userOwned);
    }

    public String toJson() {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator g = StateJson.FACTORY.createGenerator(StateJson.PRETTY, out)) {
            g.writeStartObject();
            g.writeNumberProperty("format", 1);
            g.writeStringProperty("about", "Files BackBone generated here and the hash of what it wrote; edit freely, BackBone merges.");
            g.writeName("files");
            g.writeStartObject();
            this.files.forEach((path, e) -> {
                g.writeName(path);
                g.writeStartObject();
                g.writeStringProperty("sha256", e.sha256());
                if (e.userOwned()) {
                    g.writeBooleanProperty("user_owned", true);
                }
                g.writeEndObject();
            });
            g.writeEndObject();
            g.writeEndObject();
        }
        return out + "\n";
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
