package io.reelgate.server.api.common;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.util.function.Supplier;

/** Where rate-limit buckets live: this node's memory, or the shared database when limits are cluster-wide. */
interface RateLimitBuckets {

    /** The bucket named {@code key}, created with {@code configuration} on first use. */
    Bucket bucket(String key, Supplier<BucketConfiguration> configuration);
}
