package io.reelgate.server.engine;

import java.time.Duration;

/**
 * What the engines of hosted providers (Runway, fal, Replicate, Veo) have alike: a name, a deadline from submission
 * (their {@code task-timeout}), and a real sleep between a client's retries.
 */
public abstract class HostedEngine implements AsyncVideoEngine {

    /** The clients' wait between retries outside tests. */
    protected static final UpstreamHttp.Sleeper SLEEP = duration -> Thread.sleep(duration.toMillis());

    private final String name;
    private final Duration taskTimeout;

    protected HostedEngine(String name, Duration taskTimeout) {
        this.name = name;
        this.taskTimeout = taskTimeout;
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
