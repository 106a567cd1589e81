package io.reelgate.server.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The node's own directory: embedded database, local blobs, work directories, the dev key and the node id. */
@Component
public class DataDirectory {

    private final Path root;

    public DataDirectory(@Value("${reelgate.data-dir:./data}") String root) {
        this.root = Path.of(root).toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    public Path resolve(String child) {
        Path path = root.resolve(child);
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + path, e);
        }
        return path;
    }
}
