package io.reelgate.server.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Fresh data directories and scratch files for the tests, deleted when the test JVM exits: the shared servers'
 * directories hold rendered results, and a suite run used to leave about 200 MB of them in the temp directory.
 * Deleting on exit rather than after each class is what the shared servers need (they live until the JVM ends);
 * a file a closing server still has open stays readable to it until it closes it.
 */
public final class TestDataDirs {

    private static final Set<Path> CREATED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDataDirs::deleteAll, "test-data-dirs-cleanup"));
    }

    private TestDataDirs() {
    }

    /** A new, empty directory whose name starts with {@code prefix}, e.g. {@code reelgate-e2e-}. */
    public static Path fresh(String prefix) {
        try {
            return registered(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty file in the temp directory, e.g. a source video a test uploads. */
    public static Path freshFile(String prefix, String suffix) {
        try {
            return registered(Files.createTempFile(prefix, suffix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path registered(Path path) {
        CREATED.add(path);
        return path;
    }

    /** Deletes {@code root} and everything below it, best effort: a temp file left behind is harmless. */
    public static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a file that vanished or a directory still being written is left for the system
        }
    }

    private static void deleteAll() {
        List.copyOf(CREATED).forEach(TestDataDirs::delete);
    }
}
