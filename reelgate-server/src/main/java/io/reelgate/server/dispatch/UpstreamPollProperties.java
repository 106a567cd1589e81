package io.reelgate.server.dispatch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node polls tasks parked at an upstream engine ({@code reelgate.upstream.*}).
 *
 * @param tick          how often due polls are looked for (each engine sets its own poll interval)
 * @param workers       threads that poll and bring results home (download, re-encode) at once
 * @param claimDuration how long one poll, including the download and re-encode of a result, may take before
 *                      another node may poll the task again (a node that died mid-poll delays it by this much)
 */
@ConfigurationProperties("reelgate.upstream")
public record UpstreamPollProperties(
        @DefaultValue("1s") Duration tick,
        @DefaultValue("2") int workers,
        @DefaultValue("5m") Duration claimDuration) {
}
