package io.reelgate.cli;

import io.reelgate.client.ReelgateClient;
import io.reelgate.client.model.AlephRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "aleph", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Submit an Aleph video-to-video task and print its taskId.")
final class AlephCommand extends WaitingCommand implements Callable<Integer> {

    @Option(names = "--prompt", required = true, paramLabel = "TEXT", description = "How to change the video (required).")
    String prompt;

    @Option(names = {"--video", "--video-url"}, required = true, paramLabel = "FILE|URL",
            description = "Source video (required); a local file is uploaded first.")
    String video;

    @Option(names = {"--aspect", "--aspect-ratio"}, paramLabel = "RATIO", description = "Output aspect ratio, e.g. 16:9.")
    String aspect;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed.")
    Long seed;

    @Option(names = {"--reference-image"}, paramLabel = "FILE|URL",
            description = "Style reference image; a local file is uploaded first.")
    String referenceImage;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        ReelgateClient client = client();
        String videoUrl = media(client, video, "--video");
        AlephRequest request = AlephRequest.builder(prompt, videoUrl)
                .aspectRatio(aspect)
                .seed(seed)
                .referenceImage(media(client, referenceImage, "--reference-image"))
                .waterMark(output.watermark)
                .callBackUrl(output.callbackUrl)
                .build();
        return finishAleph(client, client.alephGenerate(request));
    }
}
