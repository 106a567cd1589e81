package io.reelgate.cli;

import io.reelgate.client.ReelgateClient;
import io.reelgate.client.model.ExtendRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        ReelgateClient client = client();
        ExtendRequest request = ExtendRequest.of(taskId, prompt);
        if (quality != null) {
            request = request.withQuality(quality);
        }
        if (output.watermark != null) {
            request = request.withWaterMark(output.watermark);
        }
        if (output.callbackUrl != null) {
            request = request.withCallBackUrl(output.callbackUrl);
        }
        return finishRunway(client, client.extend(request));
    }
}
