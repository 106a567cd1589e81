package io.reelgate.server.engine;

/** Thrown by an engine that stopped because {@link EngineContext#cancelled()} became true. */
public class EngineCancelledException extends EngineException {

    public EngineCancelledException() {
        super(INPUT_REJECTED, "Task was cancelled");
    }
}
