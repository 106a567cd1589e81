package io.reelgate.server.engine;

/**
 * Something that turns a task into a video file. Implementations know nothing of HTTP requests, the
 * database or storage: they read an {@link EngineJob}, write into its work directory and return what they made.
 */
public interface VideoEngine {

    /** The name tasks are routed by, e.g. {@code preview}. */
    String name();

    /**
     * Renders the job. Must check {@link EngineContext#cancelled()} often enough to stop within a second.
     *
     * @throws EngineException for every failure, with the failCode/failMsg the task should end with
     */
    EngineResult run(EngineJob job, EngineContext context);
}
