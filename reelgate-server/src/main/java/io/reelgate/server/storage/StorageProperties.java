package io.reelgate.server.storage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where result files and uploads live.
 *
 * @param type {@code local} (files under the data directory) or {@code s3} (any S3-compatible store)
 * @param s3   the S3 settings, used when {@code type=s3}
 */
@ConfigurationProperties("reelgate.storage")
public record StorageProperties(@DefaultValue("local") String type, @DefaultValue S3 s3) {

    /**
     * @param endpoint     endpoint override for MinIO, Ceph, R2, s3proxy…; empty for AWS itself
     * @param region       signing region
     * @param bucket       bucket holding every object (keys start with {@code results/} or {@code uploads/})
     * @param accessKey    access key id (prefer the environment: {@code REELGATE_STORAGE_S3_ACCESS_KEY})
     * @param secretKey    secret key (prefer {@code REELGATE_STORAGE_S3_SECRET_KEY}); never logged
     * @param pathStyle    path-style addressing, which most non-AWS stores need
     * @param serve        {@code proxy}: Reelgate streams objects itself (Range supported); {@code presigned}:
     *                     file URLs redirect to a presigned URL of the store
     * @param presignTtl   lifetime of presigned URLs
     * @param createBucket create the bucket at start-up when missing (handy for tests and MinIO)
     */
    public record S3(
            @DefaultValue("") String endpoint,
            @DefaultValue("us-east-1") String region,
            @DefaultValue("reelgate") String bucket,
            @DefaultValue("") String accessKey,
            @DefaultValue("") String secretKey,
            @DefaultValue("true") boolean pathStyle,
            @DefaultValue("proxy") String serve,
            @DefaultValue("15m") Duration presignTtl,
            @DefaultValue("false") boolean createBucket) {
    }
}
