package io.reelgate.cli;

import io.reelgate.client.ReelgateClient;
import io.reelgate.client.errors.NotFoundException;
import io.reelgate.client.model.AlephDetail;
import io.reelgate.client.model.TaskDetail;
import io.reelgate.client.model.TaskView;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show a task's state and result (Runway record-detail, or Aleph record-info).",
                "Exits 0 whatever the task's state; use 'watch' or 'generate --wait' to wait for it."})
final class StatusCommand extends TaskCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TASK", description = "The taskId.")
    String taskId;

    @Override
    public Integer call() {
        ReelgateClient client = client();
        TaskDetail d;
        try {
            d = client.recordDetail(taskId);
        } catch (NotFoundException runwayMiss) {
            printAleph(alephInstead(client, taskId, runwayMiss));
            return ReelgateCli.OK;
        }
        if (json) {
            printJson(d);
            return ReelgateCli.OK;
        }
        PrintStream out = root.out;
        out.println("taskId:       " + d.taskId());
        out.println("state:        " + d.state().wire());
        out.println("generateTime: " + d.generateTime());
        if (d.parentTaskId() != null && !d.parentTaskId().isEmpty()) {
            out.println("parentTaskId: " + d.parentTaskId());
        }
        if (d.videoInfo() != null) {
            out.println("videoUrl:     " + d.videoInfo().videoUrl());
            out.println("imageUrl:     " + d.videoInfo().imageUrl());
        }
        if (d.isFailed()) {
            out.println("failCode:     " + d.failCode());
            out.println("failMsg:      " + d.failMsg());
        }
        return ReelgateCli.OK;
    }

    private void printAleph(AlephDetail a) {
        if (json) {
            printJson(a);
            return;
        }
        PrintStream out = root.out;
        out.println("taskId:       " + a.taskId());
        out.println("state:        " + (a.isSuccess() ? "success" : a.isFailed() ? "fail" : "running"));
        if (a.resultVideoUrl() != null) {
            out.println("videoUrl:     " + a.resultVideoUrl());
        }
        if (a.isFailed()) {
            out.println("errorCode:    " + a.errorCode());
            out.println("errorMessage: " + a.errorMessage());
        }
    }

    static void printView(PrintStream out, TaskView v) {
        out.println("taskId:   " + v.taskId());
        out.println("kind:     " + v.kind());
        out.println("state:    " + v.state());
        out.println("progress: " + v.progress());
        if (v.videoUrl() != null) {
            out.println("videoUrl: " + v.videoUrl());
        }
        if (v.failCode() != null) {
            out.println("failCode: " + v.failCode());
            out.println("failMsg:  " + v.failMsg());
        }
    }
}
