package dev.backbone.core.regenerate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * The merge bases of a project: for each generated path, the text BackBone wrote last time (the
 * base of the three-way merge that keeps a user's edits). All of them live in one file,
 * {@code .backbone/base.json}, rather than one file per generated file: a 200-table project
 * would otherwise create a second thousand files on every fresh generate, and creating files,
 * not writing bytes, is most of what writing a project costs (the file system allocates an
 * inode per file, slowly right after a folder of the same size was deleted). A base is never a
 * hard link to the project's file: an editor that writes in place would change both.
 *
 * <p>Projects generated before kept {@code .backbone/base/<path>} files; those are read when
 * there is no {@code base.json}, and the next regeneration replaces them with it.
 */
public final class MergeBases {

    public static final String FILE = Manifest.DIR + "/base.json";
    /** The folder of one file per base that earlier projects have. */
    public static final String LEGACY = Manifest.DIR + "/base/";

    private MergeBases() {}

    /** The file's text: paths in order, so that the same bases give the same bytes. */
    public static String toJson(Map<String, String> bases) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator g = StateJson.FACTORY.createGenerator(StateJson.PRETTY, out)) {
            g.writeStartObject();
            g.writeNumberProperty("format", 1);
            g.writeStringProperty("about", "What BackBone generated last time for each file: the base of the merge that keeps your edits.");
            g.writeName("files");
            g.writeStartObject();
            new TreeMap<>(bases).forEach(g::writeStringProperty);
            g.writeEndObject();
            g.writeEndObject();
        }
        return out + "\n";
    }

    /** The bases recorded in the project at {@code dir} (none when it has none). */
    public static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Path file = dir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (JsonParser p = StateJson.FACTORY.createParser(ObjectReadContext.empty(), Files.readString(file, StandardCharsets.UTF_8))) {
                StateJson.expect(FILE, p.nextToken(), JsonToken.START_OBJECT);
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (!name.equals("files")) {
                        p.skipChildren();
                        continue;
                    }
                    StateJson.expect(FILE, value, JsonToken.START_OBJECT);
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String path = p.currentName();
                        StateJson.expect(FILE, p.nextToken(), JsonToken.VALUE_STRING);
                        out.put(path, p.getString());
                    }
                }
            } catch (JacksonException e) {
                throw new IOException(FILE + " is not BackBone's: " + e.getOriginalMessage(), e);
            }
            return out;
        }
        Path legacy = dir.resolve(LEGACY);
        if (Files.isDirectory(legacy)) {
            try (var s = Files.walk(legacy)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    out.put(legacy.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    /** Whether the project at {@code dir} keeps its bases in {@link #FILE} (not the older folder). */
    static boolean current(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }
}
