package io.reelgate.cli;

import io.reelgate.client.ReelgateClient;
import io.reelgate.client.errors.TaskFailedException;
import io.reelgate.client.model.AlephDetail;
import io.reelgate.client.model.MarketRecord;
import io.reelgate.client.model.TaskDetail;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
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
        return finish(client, taskId, TaskFailedException::taskDetail, progress -> {
            TaskDetail done = client.waitForCompletion(taskId, timeout(),
                    (previous, detail) -> progress.state(detail.state().wire()));
            return new Finished(done, done.videoUrl(), done.videoInfo() == null ? "" : done.videoInfo().imageUrl());
        });
    }

    /** After an Aleph submit. */
    int finishAleph(ReelgateClient client, String taskId) {
        return finish(client, taskId, TaskFailedException::alephDetail, progress -> {
            progress.state("running");
            AlephDetail done;
            try {
                done = client.waitForAleph(taskId, timeout());
            } catch (TaskFailedException e) {
                progress.state("fail");
                throw e;
            }
            progress.state("success");
            return new Finished(done, done.resultVideoUrl(),
                    done.response() == null ? "" : done.response().resultImageUrl());
        });
    }

    /** After a Market createTask. */
    int finishMarket(ReelgateClient client, String taskId) {
        return finish(client, taskId, TaskFailedException::marketRecord, progress -> {
            progress.state("waiting");
            MarketRecord done = client.waitForMarketTask(taskId, timeout());
            progress.state(done.state().wire());
            return new Finished(done, done.videoUrl(), null);
        });
    }

    /**
     * The taskId alone, or: wait with live progress, print the result (the detail as JSON, or its URLs), save the
     * video. A failure prints the failed task's detail under {@code --json} before it propagates.
     */
    private int finish(ReelgateClient client, String taskId, Function<TaskFailedException, Object> failedDetail,
                       Function<Progress, Finished> waitFor) {
        if (!waits()) {
            printTaskId(taskId);
            return ReelgateCli.OK;
        }
        if (!json) {
            root.out.println("taskId: " + taskId);
        }
        Finished done;
        try (Progress progress = new Progress(root, taskId)) {
            done = waitFor.apply(progress);
        } catch (TaskFailedException e) {
            Object detail = failedDetail.apply(e);
            if (json && detail != null) {
                printJson(detail);
            }
            throw e;
        }
        if (json) {
            printJson(done.detail());
        } else {
            root.out.println("videoUrl: " + done.videoUrl());
            if (done.imageUrl() != null) {
                root.out.println("imageUrl: " + done.imageUrl());
            }
        }
        if (out != null) {
            download(client, done.videoUrl(), out);
        }
        return ReelgateCli.OK;
    }

    private Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** A finished task: its dialect's detail, and the URLs printed without {@code --json} (no image line: null). */
    private record Finished(Object detail, String videoUrl, String imageUrl) {
    }

    private void printTaskId(String taskId) {
        if (json) {
            printJson(Map.of("taskId", taskId));
        } else {
            root.out.println("taskId: " + taskId);
        }
    }
}
