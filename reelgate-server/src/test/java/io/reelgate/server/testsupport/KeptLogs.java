package io.reelgate.server.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Server logs of the process tests, kept under {@code target/reliability-logs/} for whoever has to read a failure. */
public final class KeptLogs {

    private static final Path DIR = Path.of("target", "reliability-logs");

    private KeptLogs() {
    }

    /** Copies {@code log} (if the server got as far as writing one) to {@code target/reliability-logs/<name>}. */
    public static void keep(Path log, String name) throws IOException {
        if (Files.exists(log)) {
            Files.copy(log, Files.createDirectories(DIR).resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
