package io.reelgate.cli;

import io.reelgate.client.ReelgateClient;
import io.reelgate.client.model.GenerateRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Submit a Runway video task (text- or image-to-video) and print its taskId.")
final class GenerateCommand extends WaitingCommand implements Callable<Integer> {

    @Option(names = "--prompt", required = true, paramLabel = "TEXT",
            description = "What happens (required, at most 1800 characters).")
    String prompt;

    @Option(names = {"--image", "--image-url"}, paramLabel = "FILE|URL",
            description = "Start image (image-to-video); a local file is uploaded first. The output follows its aspect ratio.")
    String image;

    @Option(names = {"--aspect", "--aspect-ratio"}, paramLabel = "RATIO",
            description = "16:9 (default without image), 4:3, 1:1, 3:4, 9:16.")
    String aspect;

    @Option(names = "--quality", paramLabel = "Q", defaultValue = "720p", description = "720p (default) or 1080p (only with 5 s).")
    String quality;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "5", description = "5 (default) or 10 seconds.")
    int duration;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        ReelgateClient client = client();
        String imageUrl = media(client, image, "--image");
        GenerateRequest request = GenerateRequest.builder(prompt)
                .imageUrl(imageUrl)
                .aspectRatio(aspect != null ? aspect : imageUrl == null ? "16:9" : null)
                .duration(duration)
                .quality(quality)
                .waterMark(output.watermark)
                .callBackUrl(output.callbackUrl)
                .build();
        return finishRunway(client, client.generate(request));
    }
}
