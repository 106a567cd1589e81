package io.reelgate.server.engine;

/**
 * What an engine can do, asked at submit time for the engine a task is routed to, so a combination the engine
 * cannot render is refused with a 422 naming the field instead of failing later. Engines without an implementation
 * accept everything the API validation accepts.
 */
public interface EngineCapabilities {

    /** The engine these rules belong to. */
    String engine();

    /**
     * @param job the task as it would run (no task id, work directory or local files yet)
     * @throws UnsupportedInputException naming the KIE field the engine cannot honour
     */
    void check(EngineJob job);
}
