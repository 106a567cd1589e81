package io.reelgate.server.storage;

import io.reelgate.server.infra.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/** Blobs as files under {@code <data-dir>/files}. */
public class LocalBlobStore implements BlobStore {

    private final Path root;

    public LocalBlobStore(DataDirectory dataDirectory) {
        this.root = dataDirectory.resolve("files");
    }

    @Override
    public void put(String key, Path source) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            // copy beside the target, then rename: a crash never leaves a half-written result under its real name
            Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StorageException("Cannot store blob " + key, e);
        }
    }

    @Override
    public Optional<Resource> open(String key) {
        Path path = resolve(key);
        return Files.isRegularFile(path) && Files.isReadable(path) ? Optional.of(new FileSystemResource(path)) : Optional.empty();
    }

    @Override
    public void delete(String key) {
        Path path = resolve(key);
        try {
            Files.deleteIfExists(path);
            Path parent = path.getParent();
            if (parent.equals(root) || !Files.isDirectory(parent)) {
                return;
            }
            try (var entries = Files.list(parent)) {
                if (entries.findAny().isEmpty()) {
                    Files.deleteIfExists(parent);
                }
            }
        } catch (IOException e) {
            throw new StorageException("Cannot delete blob " + key, e);
        }
    }

    @Override
    public void deleteFolder(String folder) {
        Path directory = resolve(folder);
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            // deepest first, so each directory is empty by the time it is deleted
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new StorageException("Cannot delete the blobs under " + folder, e);
        }
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (key.isBlank() || !path.startsWith(root) || path.equals(root)) {
            throw new StorageException("Blob key escapes the storage root: " + key);
        }
        return path;
    }
}
