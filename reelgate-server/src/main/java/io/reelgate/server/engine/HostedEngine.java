package io.reelgate.server.engine;

import io.reelgate.server.media.OutputProperties;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;

/**
 * What the engines of hosted providers (Runway, fal, Replicate, Veo) have alike: a name, a deadline from submission
 * (their {@code task-timeout}), what they make of a downloaded video ({@link UpstreamVideo}), a real sleep between a
 * client's retries, and the wording of a failed call: transient failures are retried later (or failed over), the rest
 * end the task with a message of ours.
 */
public abstract class HostedEngine implements AsyncVideoEngine {

    /** The clients' wait between retries outside tests. */
    protected static final UpstreamHttp.Sleeper SLEEP = duration -> Thread.sleep(duration.toMillis());

    /** Our output from the provider's video, and an extension's start frame. */
    protected final UpstreamVideo normalizer;
    private final String name;
    private final Duration taskTimeout;

    protected HostedEngine(String name, Duration taskTimeout, OutputProperties output) {
        this.normalizer = new UpstreamVideo(output);
        this.name = name;
        this.taskTimeout = taskTimeout;
    }

    /** A poll that failed after the client's retries: a transient one is polled again, any other ends the task. */
    protected static EngineException pollFailure(String provider, UpstreamApiException e) {
        if (e.isTransient()) {
            return new EngineUnavailableException(provider + " is unavailable: " + e.getMessage(), e);
        }
        return new EngineException(EngineException.INTERNAL, provider + " lost track of the task (" + e.getMessage()
                + ")", e);
    }

    /** A submit that failed transiently: the dispatcher tries again later, or the next engine. */
    protected static EngineUnavailableException unavailable(String provider, UpstreamApiException e) {
        return new EngineUnavailableException(provider + " is unavailable, please try again later (" + e.getMessage()
                + ")", e);
    }

    /**
     * A refusal that is the operator's to fix (a bad key, a model not enabled for the account), not the user's: logged
     * naming the engine's settings, and a generic message on the task.
     */
    protected static EngineException operatorsToFix(Logger log, String provider, UpstreamApiException e) {
        log.error("{} refused a request: {}; check reelgate.engine.{}.* settings", provider, e.getMessage(),
                provider.toLowerCase(Locale.ROOT));
        return new EngineException(EngineException.INTERNAL, "Generation failed, please try again later", e);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration upstreamTimeout() {
        return taskTimeout;
    }
}
