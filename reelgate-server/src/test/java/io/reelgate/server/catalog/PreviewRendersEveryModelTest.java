package io.reelgate.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.engine.preview.PreviewEngine;
import io.reelgate.server.engine.preview.PreviewProperties;
import io.reelgate.server.media.OutputProperties;
import io.reelgate.server.task.EngineJobMapper;
import io.reelgate.server.task.ModelTask;
import io.reelgate.server.testsupport.ImageHost;
import io.reelgate.server.testsupport.TinyMp4;
import io.reelgate.server.testsupport.VideoProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sandbox promise, per registry entry: the offline engine renders the model's smallest valid input through the
 * same mapping the dialects use (registry input → task → engine job), at the size its render mapping says. The matrix
 * renders one second per model; one sample per mode renders at its full duration.
 */
class PreviewRendersEveryModelTest {

    private static final PreviewEngine ENGINE = new PreviewEngine(PreviewProperties.defaults(), OutputProperties.defaults());
    /** Every image a model is given is this 16:9 picture, so a ratio left to the image is 16:9. */
    private static final double IMAGE_ASPECT = 16.0 / 9.0;

    @TempDir
    static Path dir;
    private static Path image;
    private static Path video;

    @BeforeAll
    static void media() throws IOException {
        image = Files.write(dir.resolve("image.png"), ImageHost.png(1280, 720));
        video = Files.write(dir.resolve("video.mp4"), TinyMp4.render(640, 360, 48));
    }

    static Stream<VideoModel> models() {
        return Inputs.REGISTRY.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void rendersOneSecondOfItsSmallestInputAtItsSize(VideoModel model) throws IOException {
        render(model, Inputs.minimal(model), 1);
    }

    static Stream<Arguments> fullLengthSamples() {
        return Stream.of(
                Arguments.of("bytedance/v1-pro-text-to-video", Map.of("resolution", "480p")),
                Arguments.of("grok-imagine/image-to-video", Map.of()),
                Arguments.of("bytedance/seedance-2", Map.of("resolution", "480p",
                        "reference_image_urls", List.of("https://example.com/ref.png"))),
                Arguments.of("wan/2-6-video-to-video", Map.of("resolution", "720p")),
                Arguments.of("runway/extend-ai-video", Map.of()));
    }

    @ParameterizedTest(name = "{0} at full length")
    @MethodSource("fullLengthSamples")
    void oneSamplePerModeRendersItsFullDuration(String id, Map<String, Object> extra) throws IOException {
        VideoModel model = Inputs.model(id);
        Map<String, Object> input = new LinkedHashMap<>(Inputs.minimal(model));
        input.putAll(extra);
        EngineResult result = render(model, input, null);
        ModelInput validated = model.validate(input);
        if (validated.mode() != ModelMode.VIDEO_TO_VIDEO) {
            assertThat(result.durationSeconds()).isEqualTo(validated.render().durationSeconds());
        }
    }

    /** @param seconds the length to render, {@code null} for the model's own */
    private static EngineResult render(VideoModel model, Map<String, Object> input, Integer seconds) throws IOException {
        ModelInput validated = model.validate(input);
        ModelTask task = ModelTasks.of(validated, "test", null, "{}", null);
        Path work = Files.createTempDirectory(dir, "work");
        EngineJob.Builder job = EngineJobMapper.jobFor("t", task.kind(), task.input()).workDir(work);
        if (seconds != null) {
            job.durationSeconds(seconds);
        }
        if (validated.mode() == ModelMode.EXTEND) {
            job.parentVideo(Files.copy(video, work.resolve("parent.mp4")));
        }
        EngineJob built = job.build();

        EngineResult result = ENGINE.run(built, new LocalMedia(built.videoUrl()));

        VideoProbe.Info probe = VideoProbe.probe(result.video());
        assertThat(probe.codecName()).isEqualTo("h264");
        assertThat(probe.pixelFormat()).isEqualTo("yuv420p");
        assertThat(probe.width() % 2 + probe.height() % 2).isZero();
        if (task.kind() == io.reelgate.server.task.TaskKind.GENERATE) {
            RenderSpec.Dimensions expected = validated.render().dimensions(IMAGE_ASPECT);
            assertThat(List.of(probe.width(), probe.height())).as(model.id())
                    .containsExactly(expected.width(), expected.height());
        }
        return result;
    }

    /** Serves the picture for every image URL and the clip for the job's source video. */
    private record LocalMedia(String videoUrl) implements EngineContext {
        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void progress(int percent) {
        }

        @Override
        public void download(String url, Path target, long maxBytes, String what) {
            try {
                Files.copy(url.equals(videoUrl) ? video : image, target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
