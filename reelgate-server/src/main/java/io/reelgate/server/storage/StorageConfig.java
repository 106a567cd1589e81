package io.reelgate.server.storage;

import io.reelgate.server.infra.DataDirectory;
import java.net.URI;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Chooses the blob store: local files (default) or S3, by {@code reelgate.storage.type}. */
@Configuration(proxyBeanMethods = false)
class StorageConfig {

    @Bean
    @ConditionalOnProperty(name = "reelgate.storage.type", havingValue = "local", matchIfMissing = true)
    BlobStore localBlobStore(DataDirectory dataDirectory) {
        return new LocalBlobStore(dataDirectory);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "reelgate.storage.type", havingValue = "s3")
    S3Client s3Client(StorageProperties properties) {
        StorageProperties.S3 s3 = properties.s3();
        // checksums only when an operation requires them: many S3-compatible stores reject the newer trailers
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .region(Region.of(s3.region()))
                .credentialsProvider(credentials(s3))
                .serviceConfiguration(serviceConfiguration(s3));
        endpoint(s3).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "reelgate.storage.type", havingValue = "s3")
    S3Presigner s3Presigner(StorageProperties properties) {
        StorageProperties.S3 s3 = properties.s3();
        var builder = S3Presigner.builder()
                .region(Region.of(s3.region()))
                .credentialsProvider(credentials(s3))
                .serviceConfiguration(serviceConfiguration(s3));
        endpoint(s3).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The same for the client and the presigner, so a signed link addresses the object the client wrote. */
    private static S3Configuration serviceConfiguration(StorageProperties.S3 s3) {
        return S3Configuration.builder().pathStyleAccessEnabled(s3.pathStyle()).chunkedEncodingEnabled(false).build();
    }

    /** An S3-compatible store's endpoint; none for AWS itself (the region decides). */
    private static Optional<URI> endpoint(StorageProperties.S3 s3) {
        return s3.endpoint().isBlank() ? Optional.empty() : Optional.of(URI.create(s3.endpoint()));
    }

    @Bean
    @ConditionalOnProperty(name = "reelgate.storage.type", havingValue = "s3")
    BlobStore s3BlobStore(S3Client client, S3Presigner presigner, StorageProperties properties) {
        StorageProperties.S3 s3 = properties.s3();
        if (s3.createBucket()) {
            try {
                client.headBucket(b -> b.bucket(s3.bucket()));
            } catch (NoSuchBucketException e) {
                client.createBucket(b -> b.bucket(s3.bucket()));
            } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e;
                }
                client.createBucket(b -> b.bucket(s3.bucket()));
            }
        }
        return new S3BlobStore(client, presigner, s3);
    }

    private static AwsCredentialsProvider credentials(StorageProperties.S3 s3) {
        if (s3.accessKey().isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
    }
}
