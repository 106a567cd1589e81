package io.reelgate.server.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's name in leases. Kept in the data directory so a restarted node recognises leases its dead previous
 * incarnation held and takes them back at once instead of waiting for them to expire. Two live processes must
 * never share a data directory (the embedded database's file lock already forbids it). The setting is read here,
 * not through the dispatch properties, so this shared piece depends on nothing of the core.
 */
@Component
public class NodeIdentity {

    private final String id;

    NodeIdentity(@Value("${reelgate.dispatch.node-id:}") String nodeId, DataDirectory dataDirectory) {
        this.id = nodeId.isBlank() ? persisted(dataDirectory.root().resolve("node-id")) : nodeId;
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
