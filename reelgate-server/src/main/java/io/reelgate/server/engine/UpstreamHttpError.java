package io.reelgate.server.engine;

/**
 * A failure that carries the HTTP status an upstream answered, so errors can be counted by engine and status without
 * the dispatcher knowing each engine's exception types. Found anywhere in an {@link EngineException}'s causes.
 */
public interface UpstreamHttpError {

    /** The upstream's HTTP status; 0 when no answer arrived (connection refused, timeout). */
    int httpStatus();
}
