package io.reelgate.server.api.common;

import io.reelgate.server.infra.DatabaseKind;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks where rate-limit buckets live from {@code reelgate.rate-limit.scope}. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

    @Bean
    RateLimitBuckets rateLimitBuckets(RateLimitProperties properties, DatabaseKind database, DataSource dataSource) {
        if (properties.scope() == RateLimitProperties.Scope.NODE) {
            return new LocalRateLimitBuckets();
        }
        if (!database.isPostgres()) {
            throw new IllegalStateException("reelgate.rate-limit.scope=cluster needs PostgreSQL (spring.datasource.url); "
                    + "the embedded H2 database serves a single node, where scope=node is the same and cheaper");
        }
        return new PostgresRateLimitBuckets(dataSource);
    }
}
