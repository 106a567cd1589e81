package io.reelgate.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Blobs as objects of one bucket in an S3-compatible store. Uploads stream from the file and downloads stream from
 * the store: nothing is held in memory whole. A PUT is atomic in S3 (readers see the old object or the new one).
 */
public class S3BlobStore implements BlobStore {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final StorageProperties.S3 properties;

    public S3BlobStore(S3Client s3, S3Presigner presigner, StorageProperties.S3 properties) {
        this.s3 = s3;
        this.presigner = presigner;
        this.properties = properties;
    }

    @Override
    public void put(String key, Path source) {
        try {
            // the type matters when clients fetch presigned URLs straight from the store
            String type = URLConnection.guessContentTypeFromName(key);
            s3.putObject(b -> b.bucket(properties.bucket()).key(check(key))
                    .contentType(type != null ? type : key.endsWith(".mp4") ? "video/mp4" : "application/octet-stream"),
                    RequestBody.fromFile(source));
        } catch (SdkException e) {
            throw new StorageException("Cannot store object " + key, e);
        }
    }

    @Override
    public Optional<Resource> open(String key) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(properties.bucket()).key(check(key)));
            return Optional.of(new ObjectResource(key, head.contentLength()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new StorageException("Cannot read object " + key, e);
        } catch (SdkException e) {
            throw new StorageException("Cannot read object " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            s3.deleteObject(b -> b.bucket(properties.bucket()).key(check(key)));
        } catch (SdkException e) {
            throw new StorageException("Cannot delete object " + key, e);
        }
    }

    @Override
    public void deleteFolder(String folder) {
        String prefix = check(folder) + "/";
        try {
            // listed a page (up to 1,000 keys) at a time; a result folder holds a handful
            s3.listObjectsV2Paginator(b -> b.bucket(properties.bucket()).prefix(prefix)).contents()
                    .forEach(object -> s3.deleteObject(b -> b.bucket(properties.bucket()).key(object.key())));
        } catch (SdkException e) {
            throw new StorageException("Cannot delete the objects under " + prefix, e);
        }
    }

    @Override
    public Optional<URI> directUrl(String key) {
        return "presigned".equals(properties.serve()) ? Optional.of(presignedUrl(key)) : Optional.empty();
    }

    /** A time-limited URL of the object in the store itself, for {@code serve=presigned}. */
    public URI presignedUrl(String key) {
        return URI.create(presigner.presignGetObject(b -> b.signatureDuration(properties.presignTtl())
                .getObjectRequest(GetObjectRequest.builder().bucket(properties.bucket()).key(check(key)).build()))
                .url().toString());
    }

    private static String check(String key) {
        if (key.isBlank() || key.startsWith("/") || key.contains("..")) {
            throw new StorageException("Invalid object key: " + key);
        }
        return key;
    }

    /** An object streamed on demand; its length comes from the HEAD, so Range answers need no download first. */
    private final class ObjectResource extends AbstractResource {
        private final String key;
        private final long length;

        ObjectResource(String key, long length) {
            this.key = key;
            this.length = length;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            try {
                return s3.getObject(b -> b.bucket(properties.bucket()).key(key));
            } catch (SdkException e) {
                throw new IOException("Cannot read object " + key, e);
            }
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public String getFilename() {
            return key.substring(key.lastIndexOf('/') + 1);
        }

        @Override
        public String getDescription() {
            return "S3 object " + properties.bucket() + "/" + key;
        }
    }
}
