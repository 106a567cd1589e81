package io.reelgate.server.engine;

import java.time.Duration;

/**
 * An engine that hands the work to a remote service. A worker calls {@link #submit}, which starts the upstream task
 * and returns its id at once; the worker then lets go of the task, and a poller calls {@link #poll} on a schedule
 * (stored in the database, so it survives restarts) until the upstream task ends; {@link #collect} then brings the
 * output home. No thread waits for the upstream meanwhile.
 */
public interface AsyncVideoEngine extends VideoEngine {

    /**
     * Starts the job upstream.
     *
     * @return the upstream task id, stored on the task
     * @throws EngineUnavailableException when the upstream could not be reached or kept answering 429/5xx
     * @throws EngineException            for every other failure, with the failCode/failMsg the task ends with
     */
    String submit(EngineJob job, EngineContext context);

    /**
     * Reads the upstream task once.
     *
     * @throws EngineUnavailableException when the answer is a transient error; the poll is repeated later
     * @throws EngineException            when the upstream task cannot be tracked any more
     */
    UpstreamStatus poll(String upstreamId);

    /** Downloads a succeeded upstream task's output into the job's work directory in Reelgate's output format. */
    EngineResult collect(UpstreamStatus status, EngineJob job, EngineContext context);

    /** Asks the upstream to stop the task; best effort, never throws. */
    void cancel(String upstreamId);

    /** How often an unfinished upstream task is polled. */
    Duration pollInterval();

    /** How long an upstream task may take, from its submission, before it is cancelled upstream and failed. */
    Duration upstreamTimeout();

    /**
     * How many of this engine's tasks may be in flight cluster-wide when {@code reelgate.engine.<name>.max-concurrent}
     * is not set; 0 = unlimited. An engine with a fixed pool of upstream slots (GPU servers) says how many it has.
     */
    default int maxInFlight() {
        return 0;
    }

    /** Asynchronous engines are never run synchronously: the dispatcher calls {@link #submit} instead. */
    @Override
    default EngineResult run(EngineJob job, EngineContext context) {
        throw new UnsupportedOperationException(name() + " runs asynchronously: submit, then poll");
    }
}
