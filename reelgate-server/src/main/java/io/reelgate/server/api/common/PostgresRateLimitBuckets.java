package io.reelgate.server.api.common;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.reelgate.server.infra.ClusterJob;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Cluster-wide buckets in PostgreSQL through Bucket4j's {@code SELECT … FOR UPDATE} proxy: every node draws from the
 * same budget per key. Each check is one short transaction on the bucket's row, so this costs a database round trip
 * per rate-limited request; rows of idle keys expire and are removed once per period across the cluster.
 */
final class PostgresRateLimitBuckets implements RateLimitBuckets, ClusterJob {

    private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(10);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;

    PostgresRateLimitBuckets(DataSource dataSource) {
        this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                // a row is worthless once its bucket would be full again: drop it a minute after that
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    @Override
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        return proxies.getProxy(key, configuration);
    }

    @Override
    public String name() {
        return "rate-limit-bucket-expiry";
    }

    @Override
    public Duration interval() {
        return CLEANUP_INTERVAL;
    }

    @Override
    public void run() {
        while (proxies.removeExpired(1000) == 1000) {
            // keep going until a batch comes back short
        }
    }
}
