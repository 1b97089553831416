package dev.backbone.core.generate;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.Extension;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a target's Pebble templates. Templates are looked up first in the user's override
 * folder ({@code --templates DIR} or {@code TEMPLATE_DIR}), by file name, then in the jar under
 * {@code templates/<target>/}. Autoescaping is off: each target escapes user strings itself with
 * the filters of its language (a Python string, a docstring, an SQL literal need different
 * escapes, and HTML escaping would be wrong everywhere).
 */
public final class TemplateRenderer {

    private static final Map<String, PebbleEngine> ENGINES = new ConcurrentHashMap<>();

    private final Path overrideDir;

    /** The override folder's state (names, sizes, modification times): its engines are cached under it. */
    private final String overrideStamp;

    /** @param overrideDir a folder whose files replace the packaged templates of the same name, or null */
    public TemplateRenderer(Path overrideDir) {
        if (overrideDir != null && !Files.isDirectory(overrideDir)) {
            throw new IllegalArgumentException("template folder not found: " + overrideDir);
        }
        this.overrideDir = overrideDir;
        this.overrideStamp = overrideDir == null ? "" : stamp(overrideDir);
    }

    /**
     * Engines are cached for the process's life, and a long-lived process (the service, the CLI's
     * daemon) renders many runs: an edited or added override template must make a new engine,
     * not be served from the old one's template cache.
     */
    private static String stamp(Path dir) {
        StringBuilder b = new StringBuilder();
        try (var files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                b.append(p).append('|').append(Files.size(p)).append('|').append(Files.getLastModifiedTime(p).toMillis()).append('\n');
            }
        } catch (IOException | UncheckedIOException e) {
            b.append("unreadable ").append(System.nanoTime());
        }
        return Integer.toHexString(b.toString().hashCode()) + Integer.toHexString(b.length());
    }

    public static TemplateRenderer packaged() {
        return new TemplateRenderer(null);
    }

    public Path overrideDir() {
        return overrideDir;
    }

    /**
     * Renders {@code templates/<target>/<name>} with the given context.
     *
     * @param extension the target's filters (escapes), registered once per engine
     */
    public String render(String target, String name, Map<String, Object> context, Extension extension) {
        PebbleEngine engine = ENGINES.computeIfAbsent(target + "|" + overrideDir + "|" + overrideStamp, k -> engine(target, extension));
        try {
            PebbleTemplate t = engine.getTemplate(name);
            StringWriter w = new StringWriter();
            t.evaluate(w, context);
            return w.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PebbleEngine engine(String target, Extension extension) {
        List<Loader<?>> loaders = new ArrayList<>();
        if (overrideDir != null) {
            FileLoader fl = new FileLoader();
            fl.setPrefix(overrideDir.toAbsolutePath().toString());
            loaders.add(fl);
        }
        ClasspathLoader cl = new ClasspathLoader(TemplateRenderer.class.getClassLoader());
        cl.setPrefix("templates/" + target);
        loaders.add(cl);
        return new PebbleEngine.Builder()
                .loader(new DelegatingLoader(loaders))
                .autoEscaping(false)
                .strictVariables(true)
                .newLineTrimming(true)
                .extension(extension)
                .cacheActive(true)
                .build();
    }
}
