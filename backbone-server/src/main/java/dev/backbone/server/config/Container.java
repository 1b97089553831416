package dev.backbone.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Whether the service runs in a container, which makes {@code production} the default of
 * {@code APP_ENV} (outside one it is {@code development}, with rate limits meant for one
 * developer). A container is Kubernetes ({@code KUBERNETES_SERVICE_HOST}, which it sets in
 * every pod) or a file the runtimes create: {@code /.dockerenv} (Docker) or
 * {@code /run/.containerenv} (Podman). When in doubt the answer is production, the safe side:
 * the project's own images and manifests set {@code APP_ENV=production} anyway, and a
 * developer inside a container sets {@code APP_ENV=development}.
 */
final class Container {

    static final String KUBERNETES = "KUBERNETES_SERVICE_HOST";
    static final List<Path> MARKERS = List.of(Path.of("/.dockerenv"), Path.of("/run/.containerenv"));

    private Container() {}

    /** What shows a container ({@code KUBERNETES_SERVICE_HOST} or a marker file), or {@code null} outside one. */
    static String evidence(Function<String, String> env, Predicate<Path> exists) {
        if (env.apply(KUBERNETES) != null) {
            return KUBERNETES;
        }
        for (Path marker : MARKERS) {
            if (exists.test(marker)) {
                return marker.toString();
            }
        }
        return null;
    }
}
