package io.reelgate.server.metrics;

import io.reelgate.server.infra.DataDirectory;
import io.reelgate.server.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness needs somewhere to put results: writes a small probe file into the data directory, stores it in the
 * blob store, reads it back and deletes both. Reported as the {@code storage} health component.
 */
@Component
class StorageHealthIndicator extends AbstractHealthIndicator {

    private static final byte[] PROBE = "reelgate storage probe".getBytes();

    private final DataDirectory dataDirectory;
    private final BlobStore blobs;

    StorageHealthIndicator(DataDirectory dataDirectory, BlobStore blobs) {
        super("Storage health check failed");
        this.dataDirectory = dataDirectory;
        this.blobs = blobs;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        Path work = dataDirectory.resolve("work");
        Path probe = Files.createTempFile(work, ".health-", ".tmp");
        String key = "health/" + UUID.randomUUID() + ".probe";
        try {
            Files.write(probe, PROBE);
            blobs.put(key, probe);
            try (InputStream in = blobs.open(key).orElseThrow(() -> new IOException("probe blob not readable")).getInputStream()) {
                if (!Arrays.equals(in.readAllBytes(), PROBE)) {
                    throw new IOException("probe blob read back different bytes");
                }
            }
        } finally {
            blobs.delete(key);
            Files.deleteIfExists(probe);
        }
        builder.up().withDetail("dataDir", dataDirectory.root().toString())
                .withDetail("usableBytes", Files.getFileStore(dataDirectory.root()).getUsableSpace());
    }
}
