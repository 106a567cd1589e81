package io.reelgate.server.api.admin;

import io.reelgate.server.account.ApiKeySecrets;
import io.reelgate.server.infra.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The operator's token for {@code /admin/api/**}, separate from every API key. Taken from
 * {@code reelgate.admin.token}, or generated once into {@code <data-dir>/admin-token.txt} (owner-readable only).
 */
@Component
class AdminToken {

    static final String FILE_NAME = "admin-token.txt";

    private final byte[] expectedHash;

    AdminToken(@Value("${reelgate.admin.token:}") String configured, DataDirectory dataDirectory) {
        String token = configured.isBlank() ? fromFile(dataDirectory.root().resolve(FILE_NAME)) : configured.trim();
        this.expectedHash = ApiKeySecrets.hash(token).getBytes(StandardCharsets.US_ASCII);
    }

    /** Constant-time: comparing hashes of equal length leaks nothing about the token. */
    boolean matches(String presented) {
        byte[] presentedHash = ApiKeySecrets.hash(presented).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expectedHash, presentedHash);
    }

    private static String fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            String token = "rgadm_" + ApiKeySecrets.newSecret().substring(ApiKeySecrets.PREFIX.length());
            Files.writeString(file, token + System.lineSeparator());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // non-POSIX file system: the data directory's own permissions protect it
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
    }
}
