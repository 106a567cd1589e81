package io.reelgate.server.task;

import io.reelgate.server.infra.DaemonThreads;
import io.reelgate.server.storage.ResultFolder;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Empties the {@link ResultFolder} of a task that ran and then ended in {@code fail}. A run stores its files before
 * it commits {@code success}, so a node that died between the two left files no row names. Runs on the node that
 * failed the task, off the thread that failed it (a cancel request), and clears the task's
 * {@code run_files_pending} flag; while it is set, {@link RetentionSweep} retries (this node died first, or the store
 * failed).
 */
@Component
class FailedRunFiles implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FailedRunFiles.class);

    private final RetentionSweep sweep;
    private final ExecutorService deleter = Executors.newSingleThreadExecutor(
            DaemonThreads.named("reelgate-failed-run-files"));

    FailedRunFiles(RetentionSweep sweep) {
        this.sweep = sweep;
    }

    @EventListener
    void onTaskChanged(TaskChanged event) {
        Task task = event.task();
        if (task.state() != TaskState.FAIL || task.attempts() == 0) {
            return;
        }
        deleter.execute(() -> {
            try {
                sweep.emptyFailedRunFolder(task);
            } catch (RuntimeException e) {
                log.warn("Task {} failed, and the files its runs stored could not be removed yet: the retention sweep "
                        + "retries", task.id(), e);
            }
        });
    }

    @Override
    public void destroy() {
        deleter.shutdown();
    }
}
