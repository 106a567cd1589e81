package io.reelgate.cli;

import io.reelgate.client.ReelgateClient;
import io.reelgate.client.errors.TaskFailedException;
import io.reelgate.client.model.AlephDetail;
import io.reelgate.client.model.MarketRecord;
import io.reelgate.client.model.TaskDetail;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/** A task-creating command: {@code --wait}, {@code --timeout}, {@code --out}. */
abstract class WaitingCommand extends TaskCommand {

    @Option(names = "--wait", description = "Wait for the result (live progress on a terminal, log lines otherwise).")
    boolean wait;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long --wait waits (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--out", paramLabel = "FILE", description = "Save the result video here (implies --wait).")
    Path out;

    private boolean waits() {
        return wait || out != null;
    }

    /** After a generate/extend submit: print the taskId, or wait, report and save. */
    int finishRunway(ReelgateClient client, String taskId) {
        if (!waits()) {
            printTaskId(taskId);
            return ReelgateCli.OK;
        }
        if (!json) {
            root.out.println("taskId: " + taskId);
        }
        TaskDetail done;
        try (Progress progress = new Progress(root, taskId)) {
            done = client.waitForCompletion(taskId, Duration.ofSeconds(timeoutSeconds),
                    (previous, detail) -> progress.state(detail.state().wire()));
        } catch (TaskFailedException e) {
            if (json && e.taskDetail() != null) {
                printJson(e.taskDetail());
            }
            throw e;
        }
        if (json) {
            printJson(done);
        } else {
            root.out.println("videoUrl: " + done.videoUrl());
            root.out.println("imageUrl: " + (done.videoInfo() == null ? "" : done.videoInfo().imageUrl()));
        }
        if (out != null) {
            download(client, done.videoUrl(), out);
        }
        return ReelgateCli.OK;
    }

    /** After an Aleph submit. */
    int finishAleph(ReelgateClient client, String taskId) {
        if (!waits()) {
            printTaskId(taskId);
            return ReelgateCli.OK;
        }
        if (!json) {
            root.out.println("taskId: " + taskId);
        }
        AlephDetail done;
        try (Progress progress = new Progress(root, taskId)) {
            progress.state("running");
            try {
                done = client.waitForAleph(taskId, Duration.ofSeconds(timeoutSeconds));
            } catch (TaskFailedException e) {
                progress.state("fail");
                throw e;
            }
            progress.state("success");
        } catch (TaskFailedException e) {
            if (json && e.alephDetail() != null) {
                printJson(e.alephDetail());
            }
            throw e;
        }
        if (json) {
            printJson(done);
        } else {
            root.out.println("videoUrl: " + done.resultVideoUrl());
            root.out.println("imageUrl: " + (done.response() == null ? "" : done.response().resultImageUrl()));
        }
        if (out != null) {
            download(client, done.resultVideoUrl(), out);
        }
        return ReelgateCli.OK;
    }

    /** After a Market createTask. */
    int finishMarket(ReelgateClient client, String taskId) {
        if (!waits()) {
            printTaskId(taskId);
            return ReelgateCli.OK;
        }
        if (!json) {
            root.out.println("taskId: " + taskId);
        }
        MarketRecord done;
        try (Progress progress = new Progress(root, taskId)) {
            progress.state("waiting");
            done = client.waitForMarketTask(taskId, Duration.ofSeconds(timeoutSeconds));
            progress.state(done.state().wire());
        } catch (TaskFailedException e) {
            if (json && e.marketRecord() != null) {
                printJson(e.marketRecord());
            }
            throw e;
        }
        if (json) {
            printJson(done);
        } else {
            root.out.println("videoUrl: " + done.videoUrl());
        }
        if (out != null) {
            download(client, done.videoUrl(), out);
        }
        return ReelgateCli.OK;
    }

    private void printTaskId(String taskId) {
        if (json) {
            printJson(Map.of("taskId", taskId));
        } else {
            root.out.println("taskId: " + taskId);
        }
    }
}
