package io.reelgate.server.dispatch;

import io.reelgate.server.storage.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * This node's name in leases. Kept in the data directory so a restarted node recognises leases its dead previous
 * incarnation held and takes them back at once instead of waiting for them to expire. Two live processes must
 * never share a data directory (the embedded database's file lock already forbids it).
 */
@Component
public class NodeIdentity {

    private final String id;

    NodeIdentity(DispatchProperties properties, DataDirectory dataDirectory) {
        this.id = properties.nodeId().isBlank() ? persisted(dataDirectory.root().resolve("node-id")) : properties.nodeId();
    }

    public String id() {
        return id;
    }

    private static String persisted(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            String id = "node-" + UUID.randomUUID().toString().substring(0, 8);
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
    }
}
