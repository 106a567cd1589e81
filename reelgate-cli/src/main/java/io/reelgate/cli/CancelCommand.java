package io.reelgate.cli;

import io.reelgate.client.model.TaskView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a waiting or running task (it fails with a refund); cancelling twice answers the same.")
final class CancelCommand extends TaskCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TASK", description = "The taskId.")
    String taskId;

    @Override
    public Integer call() {
        TaskView view = client().cancel(taskId);
        if (json) {
            printJson(view);
        } else {
            StatusCommand.printView(root.out, view);
        }
        return ReelgateCli.OK;
    }
}
