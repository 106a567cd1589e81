package io.reelgate.cli;

import io.reelgate.client.ReelgateClient;
import io.reelgate.client.model.GenerateRequest;
import io.reelgate.client.model.TaskDetail;
import java.io.PrintStream;
import java.time.Duration;

/** {@code generate}, {@code status} and {@code credits}: the API-key side. */
final class TaskCommands {

    static final String GENERATE_HELP = """
            Usage: reelgate generate --prompt TEXT [options]

            Submits a Runway task and prints its taskId.
              --prompt TEXT         what happens (required, at most 1800 characters)
              --image-url URL       start image (image-to-video); the output follows its aspect ratio
              --aspect-ratio R      16:9 (default without image), 4:3, 1:1, 3:4, 9:16
              --duration S          5 (default) or 10
              --quality Q           720p (default) or 1080p (only with 5 s)
              --watermark TEXT      text drawn bottom-right
              --callback-url URL    where the result is POSTed
              --wait                wait for the result and print its videoUrl
              --timeout SECONDS     how long --wait waits (default 600)

            """ + Connection.HELP;

    static final String STATUS_HELP = "Usage: reelgate status TASK_ID\n\nShows a Runway task's state and result.\n\n"
            + Connection.HELP;

    static final String CREDITS_HELP = "Usage: reelgate credits\n\nShows the API key's remaining credits.\n\n"
            + Connection.HELP;

    private TaskCommands() {
    }

    static int generate(Args args, Connection connection, PrintStream out, PrintStream err) {
        if (args.flag("help")) {
            out.print(GENERATE_HELP);
            return 0;
        }
        String imageUrl = args.option("image-url");
        Long duration = args.longOption("duration");
        GenerateRequest request = GenerateRequest.builder(args.requiredOption("prompt"))
                .imageUrl(imageUrl)
                .aspectRatio(args.option("aspect-ratio", imageUrl == null ? "16:9" : null))
                .duration(duration == null ? 5 : duration.intValue())
                .quality(args.option("quality", "720p"))
                .waterMark(args.option("watermark"))
                .callBackUrl(args.option("callback-url"))
                .build();
        boolean wait = args.flag("wait");
        Long timeout = args.longOption("timeout");
        args.rejectUnknownOptions();
        ReelgateClient client = connection.client();
        String taskId = client.generate(request);
        out.println("taskId: " + taskId);
        if (wait) {
            // progress goes to stderr so stdout stays "taskId: …" / "videoUrl: …" for scripts
            TaskDetail done = client.waitForCompletion(taskId, Duration.ofSeconds(timeout == null ? 600 : timeout),
                    (previous, detail) -> err.println("state: " + detail.state().wire()));
            out.println("videoUrl: " + done.videoUrl());
            out.println("imageUrl: " + done.videoInfo().imageUrl());
        }
        return 0;
    }

    static int status(Args args, Connection connection, PrintStream out) {
        if (args.flag("help")) {
            out.print(STATUS_HELP);
            return 0;
        }
        String taskId = args.required(0, "TASK_ID");
        args.rejectUnknownOptions();
        TaskDetail d = connection.client().recordDetail(taskId);
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
        return 0;
    }

    static int credits(Args args, Connection connection, PrintStream out) {
        if (args.flag("help")) {
            out.print(CREDITS_HELP);
            return 0;
        }
        args.rejectUnknownOptions();
        out.println(connection.client().credits());
        return 0;
    }
}
