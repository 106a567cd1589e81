package io.reelgate.cli;

import io.reelgate.client.ReelgateClient;
import io.reelgate.client.model.GenerateRequest;
import io.reelgate.client.model.MarketTaskRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Submit a video task and print its taskId: KIE Runway text- or image-to-video, or, with --model,",
                "any model of the server's registry through KIE's Market API (createTask): its fields go in --input."})
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

    @Option(names = "--quality", paramLabel = "Q", description = "720p (default) or 1080p (only with 5 s).")
    String quality;

    @Option(names = "--duration", paramLabel = "S", description = "5 (default) or 10 seconds; with --model, the "
            + "model's duration field.")
    Integer duration;

    @Option(names = "--model", paramLabel = "ID", description = "A registry model id, e.g. kling-2.6/text-to-video: "
            + "the task goes through POST /api/v1/jobs/createTask.")
    String model;

    @Option(names = "--input", paramLabel = "FIELD=VALUE", description = {"A field of the model's input (repeatable). "
            + "VALUE is JSON when it parses as JSON (5, true, [\"a\"]), else a string; @FILE uploads a local file "
            + "and sends its URL."})
    Map<String, String> input = new LinkedHashMap<>();

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        ReelgateClient client = client();
        if (model != null) {
            return finishMarket(client, client.createTask(marketRequest(client)));
        }
        String imageUrl = media(client, image, "--image");
        GenerateRequest request = GenerateRequest.builder(prompt)
                .imageUrl(imageUrl)
                .aspectRatio(aspect != null ? aspect : imageUrl == null ? "16:9" : null)
                .duration(duration == null ? 5 : duration)
                .quality(quality == null ? "720p" : quality)
                .waterMark(output.watermark)
                .callBackUrl(output.callbackUrl)
                .build();
        return finishRunway(client, client.generate(request));
    }

    /** --prompt, --duration, --aspect and --image are shorthands for the model fields most models name so. */
    private MarketTaskRequest marketRequest(ReelgateClient client) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("prompt", prompt);
        if (duration != null) {
            fields.put("duration", String.valueOf(duration));
        }
        if (aspect != null) {
            fields.put("aspect_ratio", aspect);
        }
        if (image != null) {
            fields.put("image_urls", List.of(media(client, image, "--image")));
        }
        input.forEach((field, value) -> fields.put(field, value.startsWith("@")
                ? media(client, value.substring(1), "--input " + field) : InputValues.parse(value)));
        return new MarketTaskRequest(model, output.callbackUrl, fields);
    }
}
