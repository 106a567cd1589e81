package io.reelgate.server.upload;

import io.reelgate.server.fetch.GuardedDownloader;
import io.reelgate.server.fetch.OutboundRefusedException;
import io.reelgate.server.infra.DataDirectory;
import io.reelgate.server.infra.LimitedCopy;
import io.reelgate.server.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The three KIE upload modes (docs/kie-contract.md, "File Upload API"). Each one lands the content in a staging file
 * first (never the whole file in memory, except the capped base64 mode), checks names, size and content, then stores it
 * under {@code uploads/<namespace>/<uploadPath>/<fileName>} with a database row holding the sniffed type and expiry.
 */
@Service
public class UploadService {

    static final String ROOT = "uploads/";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Opens the uploaded bytes; the stream is read once and closed by the service. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    @FunctionalInterface
    private interface Writer {
        void writeTo(Path staging) throws IOException;
    }

    private final UploadRepository uploads;
    private final UploadNamespaces namespaces;
    private final BlobStore blobs;
    private final GuardedDownloader downloader;
    private final UploadProperties properties;
    private final Clock clock;
    private final Path staging;

    UploadService(UploadRepository uploads, UploadNamespaces namespaces, BlobStore blobs, GuardedDownloader downloader,
                  UploadProperties properties, Clock clock, DataDirectory dataDirectory) {
        this.uploads = uploads;
        this.namespaces = namespaces;
        this.blobs = blobs;
        this.downloader = downloader;
        this.properties = properties;
        this.clock = clock;
        this.staging = dataDirectory.resolve("upload-staging");
    }

    /** {@code content} is null when the request had no file part. */
    public StoredUpload storeStream(String owner, String uploadPath, String fileName, String partType, Content content) {
        Names names = Names.of(uploadPath, fileName);
        if (content == null) {
            throw UploadRefusedException.missing("file");
        }
        long max = properties.maxBytes().toBytes();
        return store(owner, names, partType, target -> {
            try (InputStream in = content.open()) {
                LimitedCopy.copy(in, target, max, () -> { });
            } catch (LimitedCopy.TooLargeException e) {
                throw UploadRefusedException.tooLarge(max);
            }
        });
    }

    public StoredUpload storeFromUrl(String owner, String uploadPath, String fileName, String fileUrl) {
        Names names = Names.of(uploadPath, fileName);
        if (fileUrl == null || fileUrl.isBlank()) {
            throw UploadRefusedException.missing("fileUrl");
        }
        return store(owner, names, null, target -> {
            try {
                downloader.download(fileUrl, target, properties.maxBytes().toBytes());
            } catch (OutboundRefusedException e) {
                throw new UploadRefusedException("File download failed: " + e.getMessage());
            }
        });
    }

    public StoredUpload storeBase64(String owner, String uploadPath, String fileName, String base64Data) {
        Names names = Names.of(uploadPath, fileName);
        Base64Payload payload = Base64Payload.decode(base64Data, properties.maxBase64Bytes().toBytes());
        return store(owner, names, payload.declaredType(), target -> Files.write(target, payload.bytes()));
    }

    /** The upload stored under {@code blobKey}, unless it never existed or has expired (even if not swept yet). */
    public Optional<UploadRecord> findUnexpired(String blobKey) {
        return blobKey.startsWith(ROOT) ? uploads.findUnexpired(blobKey, clock.instant()) : Optional.empty();
    }

    private StoredUpload store(String owner, Names names, String declaredType, Writer writer) {
        Path file = newStagingFile();
        try {
            writer.writeTo(file);
            long size = Files.size(file);
            if (size == 0) {
                throw new UploadRefusedException("File is empty");
            }
            String mimeType = MimeSniffer.sniff(file);
            ContentCheck.verify(file, mimeType, claims(declaredType, names.fileName()));
            String fileName = names.fileName() != null ? names.fileName() : randomName(mimeType);
            String namespace = namespaces.of(owner);
            String filePath = namespace + "/" + names.uploadPath() + "/" + fileName;
            String blobKey = ROOT + filePath;
            if (uploads.clashes(owner, blobKey, ancestors(blobKey, namespace))) {
                throw new UploadRefusedException("uploadPath and fileName clash with an earlier upload: "
                        + "one name cannot be both a file and a folder");
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            // the row goes first: a file is only ever served through its row, so a failed put leaves nothing
            // visible but a 404, and the sweep (row first, then blob) never deletes a file whose row was renewed
            uploads.save(new UploadRecord(blobKey, owner, mimeType, size, now, now.plus(properties.retention())));
            blobs.put(blobKey, file);
            return new StoredUpload(fileName, filePath, blobKey, size, mimeType, now);
        } catch (IOException e) {
            throw new UploadRefusedException("File could not be read: " + e.getClass().getSimpleName());
        } finally {
            deleteQuietly(file);
        }
    }

    private static List<String> claims(String declaredType, String fileName) {
        List<String> claims = new ArrayList<>(2);
        MediaTypes.normalizeDeclared(declaredType).ifPresent(claims::add);
        MediaTypes.claimedByFileName(fileName).filter(type -> !claims.contains(type)).ifPresent(claims::add);
        return claims;
    }

    /** {@code uploads/<ns>/a}, {@code uploads/<ns>/a/b}, … up to the parent folder of {@code blobKey}. */
    private static List<String> ancestors(String blobKey, String namespace) {
        List<String> ancestors = new ArrayList<>();
        String base = ROOT + namespace;
        int slash = blobKey.indexOf('/', base.length() + 1);
        while (slash > 0) {
            ancestors.add(blobKey.substring(0, slash));
            slash = blobKey.indexOf('/', slash + 1);
        }
        return ancestors;
    }

    /** Like the live KIE names ({@code 1788331086662-khed0yx8az.png}), with the extension of the sniffed type. */
    private String randomName(String mimeType) {
        StringBuilder name = new StringBuilder().append(clock.millis()).append('-');
        for (int i = 0; i < 10; i++) {
            name.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return name.append('.').append(MediaTypes.extensionOf(mimeType)).toString();
    }

    private Path newStagingFile() {
        try {
            return Files.createTempFile(staging, "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a staging file in " + staging, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover staging file is harmless; the directory holds nothing else
        }
    }

    private record Names(String uploadPath, String fileName) {
        static Names of(String uploadPath, String fileName) {
            return new Names(UploadNames.uploadPath(uploadPath), UploadNames.fileName(fileName));
        }
    }
}
