package io.reelgate.cli;

import io.reelgate.client.ReelgateClient;
import io.reelgate.client.errors.NotFoundException;
import io.reelgate.client.model.AlephDetail;
import io.reelgate.client.model.TaskDetail;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Save a finished task's video (Runway or Aleph) to a file.")
final class DownloadCommand extends TaskCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TASK", description = "The taskId.")
    String taskId;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to save the MP4 (required).")
    Path out;

    @Override
    public Integer call() {
        ReelgateClient client = client();
        String url;
        try {
            TaskDetail d = client.recordDetail(taskId);
            if (d.isFailed()) {
                throw new TaskFailure(taskId, d.failCode(), d.failMsg());
            }
            if (!d.state().isTerminal()) {
                throw new IllegalStateException("task " + taskId + " is not finished yet (state: " + d.state().wire()
                        + "); try 'reelgate watch " + taskId + "'");
            }
            url = d.videoUrl();
        } catch (NotFoundException runwayMiss) {
            AlephDetail a = alephInstead(client, taskId, runwayMiss);
            if (a.isFailed()) {
                throw new TaskFailure(taskId, a.errorCode(), a.errorMessage());
            }
            if (a.isRunning()) {
                throw new IllegalStateException("task " + taskId + " is not finished yet");
            }
            url = a.resultVideoUrl();
        }
        download(client, url, out);
        if (json) {
            printJson(Map.of("taskId", taskId, "file", out.toAbsolutePath().toString(), "videoUrl", url));
        }
        return ReelgateCli.OK;
    }
}
