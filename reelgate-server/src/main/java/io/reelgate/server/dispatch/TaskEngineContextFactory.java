package io.reelgate.server.dispatch;

import io.reelgate.server.engine.EngineCancelledException;
import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.fetch.GuardedDownloader;
import io.reelgate.server.fetch.OutboundRefusedException;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskTransitions;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/** Builds the {@link EngineContext} a run hands its engine. */
@Component
class TaskEngineContextFactory {

    private static final Logger log = LoggerFactory.getLogger(TaskEngineContextFactory.class);

    /** Progress is written at most every this many percent, so a render does not become a stream of UPDATEs. */
    private static final int PROGRESS_STEP = 5;

    private final TaskTransitions transitions;
    private final GuardedDownloader downloader;

    TaskEngineContextFactory(TaskTransitions transitions, GuardedDownloader downloader) {
        this.transitions = transitions;
        this.downloader = downloader;
    }

    EngineContext create(Task task, String owner, RunHandle handle) {
        return new EngineContext() {
            private int lastReported;

            @Override
            public boolean cancelled() {
                return handle.shouldStop();
            }

            @Override
            public void progress(int percent) {
                int clamped = Math.max(0, Math.min(99, percent));
                if (clamped >= lastReported + PROGRESS_STEP) {
                    lastReported = clamped;
                    try {
                        transitions.reportProgress(task, owner, clamped);
                    } catch (DataAccessException e) {
                        // progress is only shown to pollers: a database hiccup must not abort a render
                        log.warn("Progress of task {} not recorded: {}", task.id(), e.getMessage());
                    }
                }
            }

            @Override
            public void download(String url, Path target, long maxBytes, String what) {
                download(url, target, maxBytes, what, Map.of());
            }

            @Override
            public void download(String url, Path target, long maxBytes, String what, Map<String, String> originHeaders) {
                try {
                    downloader.download(url, target, maxBytes, originHeaders, handle.downloads());
                } catch (OutboundRefusedException e) {
                    if (handle.shouldStop()) {
                        // the download was dropped because the run stops: not the input's fault
                        throw new EngineCancelledException();
                    }
                    throw new EngineException(EngineException.INPUT_REJECTED, "Failed to fetch the " + what + ": " + e.getMessage(), e);
                }
            }
        };
    }
}
