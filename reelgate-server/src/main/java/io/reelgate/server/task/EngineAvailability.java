package io.reelgate.server.task;

/** Whether this deployment runs an engine, so a model is only routed to an engine that exists. */
public interface EngineAvailability {

    boolean runs(String engine);
}
