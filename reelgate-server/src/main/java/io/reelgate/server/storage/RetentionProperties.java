package io.reelgate.server.storage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param period        how long result files are kept after a task succeeds (KIE: 14 days)
 * @param sweepInterval how often expired results are looked for
 * @param batchSize     rows handled per sweep query
 */
@ConfigurationProperties("reelgate.retention")
public record RetentionProperties(
        @DefaultValue("14d") Duration period,
        @DefaultValue("10m") Duration sweepInterval,
        @DefaultValue("500") int batchSize) {
}
