package io.reelgate.cli;

import io.reelgate.client.ReelgateClient;
import io.reelgate.client.model.ExtendRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "extend", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Continue a finished Runway video with a new prompt; prints the new taskId.")
final class ExtendCommand extends WaitingCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TASK", description = "The taskId of the video to extend.")
    String taskId;

    @Option(names = "--prompt", required = true, paramLabel = "TEXT", description = "What happens next (required).")
    String prompt;

    @Option(names = "--quality", paramLabel = "Q", description = "720p or 1080p.")
    String quality;

    @Option(names = "--watermark", paramLabel = "TEXT", description = "Text drawn bottom-right.")
    String watermark;

    @Option(names = "--callback-url", paramLabel = "URL", description = "Where the result is POSTed.")
    String callbackUrl;

    @Override
    public Integer call() {
        ReelgateClient client = client();
        ExtendRequest request = ExtendRequest.of(taskId, prompt);
        if (quality != null) {
            request = request.withQuality(quality);
        }
        if (watermark != null) {
            request = request.withWaterMark(watermark);
        }
        if (callbackUrl != null) {
            request = request.withCallBackUrl(callbackUrl);
        }
        return finishRunway(client, client.extend(request));
    }
}
