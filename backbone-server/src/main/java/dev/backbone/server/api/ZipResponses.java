package dev.backbone.server.api;

import dev.backbone.core.generate.GeneratedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.MediaType;

/** The generated project as a zip, for clients that send {@code Accept: application/zip}. */
final class ZipResponses {

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    /** Entries carry a fixed time so the same schema gives the same bytes. */
    private static final FileTime EPOCH = FileTime.fromMillis(315532800000L);

    private ZipResponses() {}

    /** True when the client asks for a zip and prefers it to JSON (explicitly; a wildcard keeps JSON). */
    static boolean accepts(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double zip = 0;
        double json = 0;
        try {
            for (MediaType t : MediaType.parseMediaTypes(accept)) {
                if (t.isCompatibleWith(ZIP) && !t.isWildcardType() && !t.isWildcardSubtype()) {
                    zip = Math.max(zip, t.getQualityValue());
                } else if (t.isCompatibleWith(MediaType.APPLICATION_JSON) && !t.isWildcardType() && !t.isWildcardSubtype()) {
                    json = Math.max(json, t.getQualityValue());
                }
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return zip > 0 && zip >= json;
    }

    /** Files under {@code <project>/}. */
    static byte[] zip(String project, List<GeneratedFile> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (GeneratedFile f : files) {
                ZipEntry e = new ZipEntry(project + "/" + f.path());
                e.setLastModifiedTime(EPOCH);
                zip.putNextEntry(e);
                zip.write(f.content().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
