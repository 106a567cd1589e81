package io.reelgate.server.engine;

/**
 * A transient upstream failure that outlasted the engine's own retries: connection errors, HTTP 429 or 5xx. The
 * dispatcher may hand the task to the next engine of the failover list instead of failing it.
 */
public class EngineUnavailableException extends EngineException {

    public EngineUnavailableException(String failMsg) {
        super(INTERNAL, failMsg);
    }

    public EngineUnavailableException(String failMsg, Throwable cause) {
        super(INTERNAL, failMsg, cause);
    }
}
