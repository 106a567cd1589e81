package io.reelgate.server.task;

import io.reelgate.server.infra.DaemonThreads;
import io.reelgate.server.storage.BlobStore;
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
 * it commits {@code success}, so a node that died between the two left files no row names, and the retention sweep
 * only visits successes. Runs on the node that failed the task, off the thread that failed it (a cancel request).
 */
@Component
class FailedRunFiles implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FailedRunFiles.class);

    private final BlobStore blobs;
    private final ExecutorService deleter = Executors.newSingleThreadExecutor(
            DaemonThreads.named("reelgate-failed-run-files"));

    FailedRunFiles(BlobStore blobs) {
        this.blobs = blobs;
    }

    @EventListener
    void onTaskChanged(TaskChanged event) {
        Task task = event.task();
        if (task.state() != TaskState.FAIL || task.attempts() == 0) {
            return;
        }
        deleter.execute(() -> {
            try {
                blobs.deleteFolder(ResultFolder.of(task.id()));
            } catch (RuntimeException e) {
                log.warn("Task {} failed, and the files its runs stored could not be removed", task.id(), e);
            }
        });
    }

    @Override
    public void destroy() {
        deleter.shutdown();
    }
}
