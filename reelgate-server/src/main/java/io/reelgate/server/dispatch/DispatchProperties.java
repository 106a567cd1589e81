package io.reelgate.server.dispatch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param workers           tasks this node renders at once
 * @param pollInterval      how often idle workers look for queued tasks submitted on other nodes
 * @param leaseDuration     how long a claim holds without a heartbeat; a dead node's tasks are taken over after it
 * @param heartbeatInterval how often running tasks' leases are renewed (well under {@code leaseDuration})
 * @param recoveryInterval  how often expired leases are looked for
 * @param maxAttempts       runs a task gets before a crash loop ends it in {@code fail}
 * @param nodeId            this node's id in leases; empty means one generated once and kept in the data directory
 * @param shutdownGrace     on SIGTERM, how long running tasks may finish before they are handed back to the queue
 */
@ConfigurationProperties("reelgate.dispatch")
public record DispatchProperties(
        @DefaultValue("2") int workers,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("30s") Duration leaseDuration,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("5s") Duration recoveryInterval,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("") String nodeId,
        @DefaultValue("20s") Duration shutdownGrace) {
}
