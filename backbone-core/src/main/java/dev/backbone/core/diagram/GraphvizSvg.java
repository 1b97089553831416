package dev.backbone.core.diagram;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * SVG drawn by Graphviz's {@code dot} from {@link DotRenderer}'s text: a real layout engine
 * places the tables and routes the links. {@code dot} comes from the system (Debian's
 * {@code graphviz} package); without it the caller gets a {@link GraphvizMissingException}
 * naming what to install.
 */
public final class GraphvizSvg {

    /** {@code dot} is not installed, or could not be run. */
    public static final class GraphvizMissingException extends Exception {
        private static final long serialVersionUID = 1L;

        GraphvizMissingException(String message) {
            super(message);
        }
    }

    private static final long TIMEOUT_SECONDS = 60;

    private GraphvizSvg() {}

    /** The diagram as SVG; {@code dot} is the program's name or path (usually just {@code dot}). */
    public static String render(ErDiagram d, String dot) throws GraphvizMissingException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(dot, "-Tsvg")).start();
        } catch (IOException e) {
            throw new GraphvizMissingException("cannot run Graphviz's `" + dot + "` (" + e.getMessage()
                    + "): install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)");
        }
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            in.write(DotRenderer.render(d).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            p.destroyForcibly();
            throw new IllegalStateException("Graphviz stopped reading its input: " + err.join().strip(), e);
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Graphviz did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Graphviz ran", e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("Graphviz failed (exit " + p.exitValue() + "): " + err.join().strip());
        }
        return out.join();
    }

    private static CompletableFuture<String> drain(InputStream s) {
        return CompletableFuture.supplyAsync(() -> {
            try (s) {
                return new String(s.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
