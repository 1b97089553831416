package dev.backbone.core.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.testsupport.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SVG that Graphviz's {@code dot} draws for every example and corpus document opens in
 * headless Chromium, and the page Chromium built shows every table's name as text. Needs
 * {@code dot} (Debian's graphviz) and {@code chromium}: skipped on a laptop without them,
 * failed in CI ({@code .ci/run} installs both).
 */
class SvgInChromiumTest {

    private static final Pattern TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");
    private static String chromium;
    private static Path work;

    @BeforeAll
    static void tools() throws IOException {
        Requirements.require(runs("dot", "-V"), "Graphviz's dot (Debian: apt-get install graphviz)");
        chromium = Stream.of("chromium", "chromium-browser").filter(c -> runs(c, "--version")).findFirst().orElse(null);
        Requirements.require(chromium != null, "headless Chromium (Debian: apt-get install chromium)");
        work = Files.createTempDirectory("backbone-svg-");
    }

    @AfterAll
    static void clean() throws IOException {
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static List<String> documents() {
        return DiagramDocuments.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void theSvgOpensAndShowsEveryTable(String doc) throws Exception {
        ErDiagram d = ErDiagrams.of(DiagramDocuments.plan(doc));
        Path svg = work.resolve(Path.of(doc).getFileName().toString().replace(".json", ".svg"));
        Files.writeString(svg, GraphvizSvg.render(d, "dot"));

        String dom = dumpDom(svg);

        assertThat(dom).as("Chromium's DOM of %s", svg).contains("<svg").doesNotContain("parsererror");
        List<String> texts = new ArrayList<>();
        Matcher m = TEXT.matcher(dom);
        while (m.find()) {
            texts.add(m.group(1));
        }
        for (ErDiagram.Entity e : d.entities()) {
            assertThat(texts).as("text shown in %s", svg).contains(e.name());
        }
    }

    private static String dumpDom(Path file) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "profile-");
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--dump-dom", file.toUri().toString())
                .redirectError(work.resolve("chromium.log").toFile()).start();
        p.getOutputStream().close();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 90 s");
        }
        return dom;
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
