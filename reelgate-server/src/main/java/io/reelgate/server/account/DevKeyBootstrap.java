package io.reelgate.server.account;

import io.reelgate.server.infra.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * On the first start against an empty database, creates a development key so the server is usable at once. The
 * secret is printed once and written to {@code <data-dir>/dev-api-key.txt} (owner-readable only); only its hash
 * is stored.
 */
@Component
class DevKeyBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DevKeyBootstrap.class);
    static final String FILE_NAME = "dev-api-key.txt";

    private final ApiKeyRepository keys;
    private final ApiKeyService service;
    private final DataDirectory dataDirectory;
    private final boolean enabled;
    private final long credits;

    DevKeyBootstrap(ApiKeyRepository keys, ApiKeyService service, DataDirectory dataDirectory,
                    @Value("${reelgate.dev-key.enabled:true}") boolean enabled,
                    @Value("${reelgate.dev-key.credits:100000}") long credits) {
        this.keys = keys;
        this.service = service;
        this.dataDirectory = dataDirectory;
        this.enabled = enabled;
        this.credits = credits;
    }

    /** Runs after the migrations and before the web server takes requests, so the key works from the first one. */
    @Override
    public void afterSingletonsInstantiated() {
        if (!enabled || keys.count() > 0) {
            return;
        }
        String secret = service.create("dev", credits).secret();
        Path file = dataDirectory.root().resolve(FILE_NAME);
        write(file, secret);
        // Deliberately the only place a secret reaches a log: the operator needs it once to get started.
        log.info("Created development API key (shown once, also saved to {}): {}", file, secret);
    }

    private static void write(Path file, String secret) {
        try {
            Files.writeString(file, secret + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // non-POSIX file system: the data directory's own permissions protect it
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
