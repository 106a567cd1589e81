package io.reelgate.server.dispatch;

import io.reelgate.server.engine.AsyncVideoEngine;
import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.engine.EngineUnavailableException;
import io.reelgate.server.engine.UpstreamStatus;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An upstream engine in memory: submits hand out {@code up-1}, {@code up-2}, ...; every poll answers what the test
 * set last (or throws it); each call is recorded in a queue the test waits on. A result collection blocks.
 */
final class FakeUpstreamEngine implements AsyncVideoEngine {

    final BlockingQueue<String> submitted = new LinkedBlockingQueue<>();
    final BlockingQueue<String> polled = new LinkedBlockingQueue<>();
    final BlockingQueue<String> cancelled = new LinkedBlockingQueue<>();
    final BlockingQueue<String> collecting = new LinkedBlockingQueue<>();
    private final String name;
    private final int maxInFlight;
    private final Duration pollInterval;
    private final Duration upstreamTimeout;
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Supplier<UpstreamStatus> answer = () -> UpstreamStatus.queued("PENDING");
    private volatile String inputUrl;
    private volatile String outputUrl;

    FakeUpstreamEngine(String name, int maxInFlight, Duration pollInterval, Duration upstreamTimeout) {
        this.name = name;
        this.maxInFlight = maxInFlight;
        this.pollInterval = pollInterval;
        this.upstreamTimeout = upstreamTimeout;
    }

    /** What the following polls answer; a supplier that throws makes them fail that way. */
    void answer(Supplier<UpstreamStatus> next) {
        answer = next;
    }

    /** Following submits first download {@code url} as their input, as a real engine sending an image does. */
    void downloadInputFrom(String url) {
        inputUrl = url;
    }

    /** Following collections download {@code url} as the output, as a real engine fetching its result does. */
    void collectFrom(String url) {
        outputUrl = url;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String submit(EngineJob job, EngineContext context) {
        if (inputUrl != null) {
            context.download(inputUrl, job.workDir().resolve("input.png"), 1_000_000, "image");
        }
        submitted.add(job.taskId());
        return "up-" + ids.incrementAndGet();
    }

    @Override
    public UpstreamStatus poll(String upstreamId) {
        polled.add(upstreamId);
        return answer.get();
    }

    /**
     * A collection records its task and then downloads the output set by {@link #collectFrom}, or holds its collector
     * until the test stops the poller.
     */
    @Override
    public EngineResult collect(UpstreamStatus status, EngineJob job, EngineContext context) {
        collecting.add(job.taskId());
        if (outputUrl != null) {
            context.download(outputUrl, job.workDir().resolve("output.mp4"), 1_000_000, "output");
        }
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new EngineUnavailableException("collection stopped by the test");
    }

    @Override
    public void cancel(String upstreamId) {
        cancelled.add(upstreamId);
    }

    @Override
    public Duration pollInterval() {
        return pollInterval;
    }

    @Override
    public Duration upstreamTimeout() {
        return upstreamTimeout;
    }

    @Override
    public int maxInFlight() {
        return maxInFlight;
    }
}
