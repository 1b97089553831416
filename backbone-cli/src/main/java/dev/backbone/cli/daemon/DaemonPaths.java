package dev.backbone.cli.daemon;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a daemon listens, and which build it belongs to. The socket lives in a folder only its
 * user can enter (0700: the requests carry the user's environment), under
 * {@code $XDG_RUNTIME_DIR/backbone-ai} or {@code ~/.cache/backbone-ai/daemon}
 * ({@code BACKBONE_DAEMON_DIR} overrides both), and is named {@code <checkout>-<build>.sock}:
 * the checkout is a hash of the daemon's class path (the extracted jar's place), the build a hash of its
 * size and modification time, which every rebuild changes (the launcher extracts a new jar).
 * A client therefore never talks to a daemon of another build, and can find and stop the
 * daemons its checkout left behind.
 */
record DaemonPaths(Path dir, String checkout, String build) {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /**
     * The paths of the daemon's class path: {@code -Dbackbone.daemon.classpath} in the client (the
     * launcher's extracted jar), the daemon's own class path in the daemon;
     * {@code -Dbackbone.daemon.build} replaces the build hash (tests).
     */
    static DaemonPaths current(Map<String, String> env) {
        String cp = classPath();
        String build = System.getProperty("backbone.daemon.build");
        return new DaemonPaths(dir(env), hash(cp), build != null ? build : buildOf(cp));
    }

    /** The class path the daemon runs with. */
    static String classPath() {
        return System.getProperty("backbone.daemon.classpath", System.getProperty("java.class.path", ""));
    }

    static Path dir(Map<String, String> env) {
        String configured = env.get("BACKBONE_DAEMON_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
            return Path.of(runtime, "backbone-ai");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "backbone-ai", "daemon");
    }

    /**
     * A hash of the first class path entry's size and modification time (the extracted jar, new with
     * every build) and of the JDK: a command run under another {@code JAVA_HOME} runs on that JDK, as it
     * would without the daemon, not on a daemon another JDK started.
     */
    static String buildOf(String classPath) {
        int sep = classPath.indexOf(File.pathSeparatorChar);
        File first = new File(sep < 0 ? classPath : classPath.substring(0, sep));
        return hash(first.getAbsolutePath() + "|" + first.length() + "|" + first.lastModified() + "|" + System.getProperty("java.home"));
    }

    /** 48 bits of FNV-1a as 12 hex digits: short socket names (a socket's path is limited to ~100 bytes). */
    static String hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        // not String.format: its regular expressions are a tenth of the client's start
        String hex = Long.toHexString(h & 0xffffffffffffL);
        return "000000000000".substring(hex.length()) + hex;
    }

    Path socket() {
        return dir.resolve(checkout + "-" + build + ".sock");
    }

    Path log() {
        return dir.resolve(checkout + "-" + build + ".log");
    }

    /** The sockets of this checkout's daemons, this build's included. */
    List<Path> sockets() throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, checkout + "-*.sock")) {
            s.forEach(found::add);
        }
        found.sort(null);
        return found;
    }

    /**
     * Creates the folder (0700) or checks that it is a folder of this user that nobody else can
     * enter, tightening its permissions if needed.
     *
     * @throws IOException when it is not safe to use
     */
    Path ensureDir() throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isDirectory() || !a.owner().getName().equals(System.getProperty("user.name"))) {
            throw new IOException(dir + " is not a folder of " + System.getProperty("user.name"));
        }
        if (!a.permissions().equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        }
        return dir;
    }
}
