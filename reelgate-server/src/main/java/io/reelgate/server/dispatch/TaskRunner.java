package io.reelgate.server.dispatch;

import io.reelgate.server.engine.AsyncVideoEngine;
import io.reelgate.server.engine.EngineCancelledException;
import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.engine.EngineUnavailableException;
import io.reelgate.server.engine.VideoEngine;
import io.reelgate.server.infra.DataDirectory;
import io.reelgate.server.task.EngineRouting;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskSpan;
import io.reelgate.server.task.TaskTransitions;
import io.reelgate.server.task.UpstreamTracking;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Runs one claimed task to its end: engine, storage, and the final transition. Every way out of a run ends the
 * task in {@code success} or {@code fail}, except a lost lease (another node owns it now) and a node shutdown
 * (handed back to the queue).
 */
@Component
class TaskRunner {

    private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);
    static final String INTERNAL_FAIL_MSG = "Generation failed, please try again later";

    private final EngineRegistry engines;
    private final TaskTransitions transitions;
    private final RunningTasks running;
    private final TaskEngineContextFactory contexts;
    private final EngineJobFactory jobs;
    private final ResultPublisher results;
    private final UpstreamTracking upstream;
    private final EngineRouting routing;
    private final Path workRoot;
    private final RunTelemetry telemetry;
    private final Clock clock;

    TaskRunner(EngineRegistry engines, TaskTransitions transitions, RunningTasks running,
               TaskEngineContextFactory contexts, EngineJobFactory jobs, ResultPublisher results,
               UpstreamTracking upstream, EngineRouting routing, DataDirectory dataDirectory, RunTelemetry telemetry,
               Clock clock) {
        this.telemetry = telemetry;
        this.upstream = upstream;
        this.routing = routing;
        this.engines = engines;
        this.transitions = transitions;
        this.running = running;
        this.contexts = contexts;
        this.jobs = jobs;
        this.results = results;
        this.workRoot = dataDirectory.resolve("work");
        this.clock = clock;
    }

    void run(Task task, String owner) {
        telemetry.claimed(task, owner);
        boolean async = engines.find(task.engine()).filter(AsyncVideoEngine.class::isInstance).isPresent();
        try (TaskSpan span = telemetry.span(async ? "reelgate.upstream.submit" : "reelgate.engine.run", task)
                .tag("task.attempt", Integer.toString(task.attempts()))) {
            runInSpan(task, owner, span);
        }
    }

    private void runInSpan(Task task, String owner, TaskSpan span) {
        RunHandle handle = running.start(task.id());
        Path workDir = workRoot.resolve(task.id() + "-" + task.attempts());
        try {
            Files.createDirectories(workDir);
            VideoEngine engine = engines.find(task.engine())
                    .orElseThrow(() -> new EngineException(EngineException.INTERNAL,
                            "Engine '" + task.engine() + "' is not available on this server"));
            log.info("Task {} running on engine {} (attempt {})", task.id(), engine.name(), task.attempts());
            EngineJob job = jobs.create(task, workDir);
            EngineContext context = contexts.create(task, owner, handle);
            if (engine instanceof AsyncVideoEngine async) {
                submitUpstream(task, owner, handle, async, job, context);
            } else {
                store(task, owner, handle, engine.run(job, context));
            }
        } catch (EngineCancelledException e) {
            endInterrupted(task, owner, handle, e);
        } catch (EngineUnavailableException e) {
            span.error(e);
            failOver(task, owner, handle, e);
        } catch (EngineException e) {
            span.error(e);
            fail(task, owner, handle, e.failCode(), e.failMsg());
        } catch (DataAccessResourceFailureException | CannotCreateTransactionException e) {
            // the database is unreachable, which is not the task's fault (and failing it would need the database):
            // the task keeps its lease, which expires, and lease recovery hands it back to the queue (a finished render
            // got here only after ResultCommit tried its commit for about a lease)
            log.warn("Task {} interrupted by a database outage; it is retried once its lease expires: {}", task.id(),
                    e.getMessage());
        } catch (RuntimeException | IOException e) {
            span.error(e);
            log.error("Task {} failed inside the server", task.id(), e);
            fail(task, owner, handle, EngineException.INTERNAL, INTERNAL_FAIL_MSG);
        } finally {
            running.finish(handle);
            deleteRecursively(workDir);
        }
    }

    /**
     * The upstream has the task now: it is parked for the pollers ({@link PollUpstreamTasks}) and this worker is
     * free. Parking also happens on shutdown: requeueing would submit (and pay for) the task upstream a second time.
     */
    private void submitUpstream(Task task, String owner, RunHandle handle, AsyncVideoEngine engine, EngineJob job,
                                EngineContext context) {
        String upstreamId;
        try {
            upstreamId = engine.submit(job, context);
        } catch (EngineException e) {
            telemetry.upstreamError(engine.name(), "submit", e);
            throw e;
        }
        Instant now = clock.instant();
        if (handle.leaseLost() || !upstream.park(task.id(), owner, upstreamId, now, now.plus(engine.pollInterval()))) {
            // cancelled or taken over while submitting: nobody will poll this upstream task, so stop it
            engine.cancel(upstreamId);
        }
    }

    /** A transient upstream failure: the next engine of the task's failover list gets the task, else it fails. */
    private void failOver(Task task, String owner, RunHandle handle, EngineUnavailableException e) {
        Optional<String> next = routing.failoverAfter(task);
        if (next.isPresent() && !handle.leaseLost()) {
            transitions.reroute(task.id(), owner, next.get(), e.failMsg(), clock.instant());
        } else {
            fail(task, owner, handle, e.failCode(), e.failMsg());
        }
    }

    private void store(Task task, String owner, RunHandle handle, EngineResult result) {
        if (handle.shouldStop()) {
            endInterrupted(task, owner, handle, null);
        } else {
            try (TaskSpan span = telemetry.span("reelgate.result.collect", task)) {
                results.publish(task, owner, result, handle);
            }
        }
    }

    private void endInterrupted(Task task, String owner, RunHandle handle, EngineCancelledException e) {
        if (handle.stopRequested() && !handle.leaseLost()) {
            transitions.requeueOwned(task.id(), owner, clock.instant());
        } else if (!handle.leaseLost() && e != null) {
            fail(task, owner, handle, e.failCode(), e.failMsg());
        }
    }

    private void fail(Task task, String owner, RunHandle handle, int failCode, String failMsg) {
        if (!handle.leaseLost()) {
            transitions.failRunning(task.id(), owner, failCode, failMsg, clock.instant());
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete work directory {}", dir, e);
        }
    }
}
