package io.reelgate.server.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh data directories for the test servers: each server its own database file and result files. */
public final class TestDataDirs {

    private TestDataDirs() {
    }

    /** A new, empty directory whose name starts with {@code prefix}, e.g. {@code reelgate-e2e-}. */
    public static Path fresh(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
