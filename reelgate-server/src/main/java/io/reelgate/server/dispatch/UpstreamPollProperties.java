package io.reelgate.server.dispatch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node polls tasks parked at an upstream engine ({@code reelgate.upstream.*}).
 *
 * @param tick          how often due polls are looked for (each engine sets its own poll interval); a poll is late
 *                      by up to this much
 * @param workers       results brought home (downloaded and re-encoded, one core each) at once, on threads of their
 *                      own so they never hold up polls; 0 (the default) is half the cores, at least 1, so that
 *                      collecting leaves cores for the polls (two encoders on two cores left polls 2 s late)
 * @param claimDuration how long one poll, or the collection of one result, may take before another node may poll
 *                      the task again (a node that died mid-poll delays it by this much)
 * @param pollers       polls in flight at once (threads that mostly wait on the upstream, so many more than cores):
 *                      needed = polls per second x seconds per poll, 2,000 tasks every 6 s at 200 ms + our own
 *                      database work is about 100; 64 left bench/run.sh's polls 2.8 s late
 * @param batchSize     due polls claimed by one statement
 * @param collectRetry  a succeeded task no collector has room for is polled again this soon (or after the engine's
 *                      poll interval, when shorter): not after the interval, which is a minute when the provider
 *                      reports by webhook and the webhook has been used
 */
@ConfigurationProperties("reelgate.upstream")
public record UpstreamPollProperties(
        @DefaultValue("200ms") Duration tick,
        @DefaultValue("0") int workers,
        @DefaultValue("5m") Duration claimDuration,
        @DefaultValue("256") int pollers,
        @DefaultValue("50") int batchSize,
        @DefaultValue("1s") Duration collectRetry) {

    public UpstreamPollProperties {
        if (workers == 0) {
            workers = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
        if (collectRetry.isNegative() || collectRetry.isZero()) {
            // zero would re-read a finished run at every tick for as long as the collectors are busy
            throw new IllegalArgumentException("reelgate.upstream.collect-retry must be positive, was " + collectRetry);
        }
        if (workers < 1 || pollers < 1 || batchSize < 1) {
            throw new IllegalArgumentException("reelgate.upstream.workers, .pollers and .batch-size must be at least 1, were "
                    + workers + ", " + pollers + " and " + batchSize);
        }
    }
}
