package io.reelgate.server.engine;

import java.util.Locale;
import org.slf4j.Logger;

/**
 * What a hosted provider's failed call becomes for the dispatcher, worded alike for every hosted engine: transient
 * failures are retried later (or failed over), the rest end the task with a message of ours.
 */
public final class UpstreamFailures {

    private UpstreamFailures() {
    }

    /** A poll that failed after the client's retries: a transient one is polled again, any other ends the task. */
    public static EngineException ofPoll(String provider, UpstreamApiException e) {
        if (e.isTransient()) {
            return new EngineUnavailableException(provider + " is unavailable: " + e.getMessage(), e);
        }
        return new EngineException(EngineException.INTERNAL, provider + " lost track of the task (" + e.getMessage()
                + ")", e);
    }

    /** A submit that failed transiently: the dispatcher tries again later, or the next engine. */
    public static EngineUnavailableException unavailable(String provider, UpstreamApiException e) {
        return new EngineUnavailableException(provider + " is unavailable, please try again later (" + e.getMessage()
                + ")", e);
    }

    /**
     * A refusal that is the operator's to fix (a bad key, a model not enabled for the account), not the user's: logged
     * naming the engine's settings, and a generic message on the task.
     */
    public static EngineException operatorsToFix(Logger log, String provider, UpstreamApiException e) {
        log.error("{} refused a request: {}; check reelgate.engine.{}.* settings", provider, e.getMessage(),
                provider.toLowerCase(Locale.ROOT));
        return new EngineException(EngineException.INTERNAL, "Generation failed, please try again later", e);
    }
}
