package io.reelgate.server.dispatch;

import io.reelgate.server.engine.AsyncVideoEngine;
import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.engine.UpstreamStatus;
import io.reelgate.server.infra.DataDirectory;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.UpstreamTracking.Parked;
import io.reelgate.server.task.UpstreamTracking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * Brings a succeeded upstream task's output home: download and re-encode by the engine in a work directory of its
 * own, then the same {@link ResultPublisher} path as a local render, which completes the task only while it is still
 * {@code generating} (a task cancelled meanwhile keeps its {@code fail} and the files are removed again).
 */
@Component
class UpstreamResults {

    private final EngineJobFactory jobs;
    private final TaskEngineContextFactory contexts;
    private final ResultPublisher results;
    private final Path workRoot;
    private final RunTelemetry telemetry;

    UpstreamResults(EngineJobFactory jobs, TaskEngineContextFactory contexts, ResultPublisher results,
                    DataDirectory dataDirectory, RunTelemetry telemetry) {
        this.telemetry = telemetry;
        this.jobs = jobs;
        this.contexts = contexts;
        this.results = results;
        this.workRoot = dataDirectory.resolve("work");
    }

    /**
     * @param handle        the collection's registration with {@link RunningTasks}, so a cancel meanwhile aborts the
     *                      download instead of letting it run to its read timeout
     * @param beforePublish run once the output is home, just before the task ends (so what it records is there when
     *                      a client sees the task succeed)
     * @throws io.reelgate.server.engine.EngineException with what the task should fail with
     */
    void collect(Task task, Parked parked, AsyncVideoEngine engine, UpstreamStatus status, RunHandle handle,
                 Runnable beforePublish) {
        Path workDir = workRoot.resolve(task.id() + "-upstream-" + parked.pollVersion());
        try (var span = telemetry.span("reelgate.result.collect", task)) {
            Files.createDirectories(workDir);
            EngineResult result = engine.collect(status, jobs.create(task, workDir),
                    contexts.create(task, UpstreamTracking.OWNER, handle));
            beforePublish.run();
            results.publish(task, UpstreamTracking.OWNER, result, handle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TaskRunner.deleteRecursively(workDir);
        }
    }
}
