package io.reelgate.cli;

import io.reelgate.client.ReelgateClient;
import io.reelgate.client.TaskStream;
import io.reelgate.client.errors.TaskTimeoutException;
import io.reelgate.client.model.TaskEvent;
import io.reelgate.client.model.TaskView;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Follow a task live (Server-Sent Events task stream) until it succeeds or fails.",
                "Prints one line per state or progress change; exits 0 on success, 4 on failure."})
final class WatchCommand extends TaskCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TASK", description = "The taskId.")
    String taskId;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Give up after this long (default ${DEFAULT-VALUE}); the task keeps running.")
    long timeoutSeconds;

    private String lastLine;

    @Override
    public Integer call() throws InterruptedException {
        ReelgateClient client = client();
        CompletableFuture<Void> terminal = new CompletableFuture<>();
        TaskView finalView;
        // subscribe first, then read the current state: an end between the two is seen either way
        try (TaskStream stream = client.streamTasks(taskId)) {
            stream.subscribe(new Flow.Subscriber<TaskEvent>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(TaskEvent event) {
                    if (!taskId.equals(event.taskId())) {
                        return;
                    }
                    report(event.state(), event.progress(), event);
                    if (event.isTerminal()) {
                        terminal.complete(null);
                    }
                }

                @Override
                public void onError(Throwable throwable) {
                    terminal.completeExceptionally(throwable);
                }

                @Override
                public void onComplete() {
                    terminal.complete(null);
                }
            });
            TaskView now = client.taskView(taskId);
            report(now.state(), now.progress(), now);
            if (!now.isTerminal()) {
                try {
                    terminal.get(timeoutSeconds, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new TaskTimeoutException(taskId, "watch gave up after " + timeoutSeconds
                            + " s; the task keeps running", client.taskView(taskId));
                } catch (ExecutionException e) {
                    throw new IllegalStateException("task stream failed: " + e.getCause(), e.getCause());
                }
            }
        }
        finalView = client.taskView(taskId);
        if ("fail".equals(finalView.state())) {
            throw new TaskFailure(taskId, finalView.failCode(), finalView.failMsg());
        }
        if (!json) {
            root.out.println("videoUrl: " + finalView.videoUrl());
        }
        return ReelgateCli.OK;
    }

    private synchronized void report(String state, int progress, Object source) {
        String line = "state: " + state + "  progress: " + progress + "%";
        if (line.equals(lastLine)) {
            return;
        }
        lastLine = line;
        if (json) {
            printJson(source);
        } else {
            root.out.println(line);
        }
    }
}
