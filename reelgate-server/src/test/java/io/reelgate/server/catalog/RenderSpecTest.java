package io.reelgate.server.catalog;

import static io.reelgate.server.catalog.Inputs.validate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What engines render for an input: duration, size and the media fields, per docs/models.md. */
class RenderSpecTest {

    private static final String IMAGE = "https://example.com/a.png";

    @Test
    void hailuo768PSixSecondsRendersAt1366x768() {
        RenderSpec render = validate("hailuo/02-text-to-video-standard", """
                {"prompt":"p","duration":"6"}""").render();

        assertThat(render.durationSeconds()).isEqualTo(6);
        assertThat(render.shortSide()).isEqualTo(768);
        assertThat(render.dimensions(null)).isEqualTo(new RenderSpec.Dimensions(1366, 768));
    }

    @Test
    void hailuoImageToVideoTakesTheRatioOfItsImage() {
        RenderSpec render = validate("hailuo/2-3-image-to-video-standard", """
                {"prompt":"p","image_url":"%s"}""".formatted(IMAGE)).render();

        assertThat(render.aspectRatio()).isNull();
        assertThat(render.firstFrameUrl()).isEqualTo(IMAGE);
        assertThat(render.dimensions(9.0 / 16.0)).isEqualTo(new RenderSpec.Dimensions(768, 1366));
    }

    @Test
    void seedance1080pTwelveSecondsRendersAt1920x1080() {
        RenderSpec render = validate("bytedance/seedance-1.5-pro", """
                {"prompt":"p","resolution":"1080p","duration":12,"aspect_ratio":"16:9"}""").render();

        assertThat(render.durationSeconds()).isEqualTo(12);
        assertThat(render.dimensions(null)).isEqualTo(new RenderSpec.Dimensions(1920, 1080));
    }

    @Test
    void veoEightSecondsSixteenByNine() {
        RenderSpec render = validate("veo3_fast", """
                {"prompt":"p","aspectRatio":"16:9"}""").render();

        assertThat(render.durationSeconds()).isEqualTo(8);
        assertThat(render.audio()).isTrue();
        assertThat(render.dimensions(null)).isEqualTo(new RenderSpec.Dimensions(1280, 720));
    }

    @Test
    void soraSizeIsExplicit() {
        RenderSpec render = validate("sora-2", """
                {"prompt":"p","size":"1280x720","seconds":"12"}""").render();

        assertThat(render.width()).isEqualTo(1280);
        assertThat(render.height()).isEqualTo(720);
        assertThat(render.durationSeconds()).isEqualTo(12);
        assertThat(render.dimensions(0.5)).isEqualTo(new RenderSpec.Dimensions(1280, 720));
    }

    @Test
    void kling30ModeGivesTheResolutionAndAnImageDecidesTheRatio() {
        RenderSpec fourK = validate("kling-3.0/video", """
                {"prompt":"p","mode":"4K","aspect_ratio":"16:9"}""").render();
        assertThat(fourK.dimensions(null)).isEqualTo(new RenderSpec.Dimensions(3840, 2160));

        RenderSpec frames = validate("kling-3.0/video", """
                {"prompt":"p","mode":"std","aspect_ratio":"16:9","image_urls":["%s","https://example.com/b.png"]}"""
                .formatted(IMAGE)).render();
        assertThat(frames.aspectRatio()).isNull();
        assertThat(frames.firstFrameUrl()).isEqualTo(IMAGE);
        assertThat(frames.lastFrameUrl()).isEqualTo("https://example.com/b.png");
        assertThat(frames.dimensions(1.0)).isEqualTo(new RenderSpec.Dimensions(720, 720));
    }

    @Test
    void adaptiveRatioFollowsTheFirstFrameElseSixteenByNine() {
        RenderSpec withFrame = validate("wan/3-0-video", """
                {"prompt":"p","first_frame_url":"%s","resolution":"720P"}""".formatted(IMAGE)).render();
        assertThat(withFrame.aspectRatio()).isNull();
        assertThat(withFrame.dimensions(3.0 / 4.0)).isEqualTo(new RenderSpec.Dimensions(720, 960));

        RenderSpec textOnly = validate("wan/3-0-video", """
                {"prompt":"p","resolution":"720P"}""").render();
        assertThat(textOnly.aspectRatio()).isEqualTo("16:9");
        assertThat(textOnly.audio()).isTrue();
    }

    @Test
    void veoImagesAreFramesUnlessReferenceModeMakesThemReferences() {
        ModelInput frames = validate("veo3_fast", """
                {"prompt":"p","imageUrls":["%s","https://example.com/b.png"]}""".formatted(IMAGE));
        assertThat(frames.render().firstFrameUrl()).isEqualTo(IMAGE);
        assertThat(frames.render().lastFrameUrl()).isEqualTo("https://example.com/b.png");
        assertThat(frames.mode()).isEqualTo(ModelMode.IMAGE_TO_VIDEO);

        ModelInput references = validate("veo3_fast", """
                {"prompt":"p","imageUrls":["%s","https://example.com/b.png"],"generationType":"REFERENCE_2_VIDEO"}"""
                .formatted(IMAGE));
        assertThat(references.render().firstFrameUrl()).isNull();
        assertThat(references.render().referenceImageUrls()).containsExactly(IMAGE, "https://example.com/b.png");
        assertThat(references.render().aspectRatio()).isEqualTo("16:9");
        assertThat(references.mode()).isEqualTo(ModelMode.REFERENCE_TO_VIDEO);
    }

    @Test
    void autoDurationRendersFiveSeconds() {
        assertThat(validate("bytedance/seedance-2", """
                {"prompt":"p","duration":-1}""").render().durationSeconds()).isEqualTo(5);
    }

    @Test
    void referencesAndSourceVideoAreHandedOn() {
        RenderSpec references = validate("bytedance/seedance-2", """
                {"prompt":"p","reference_image_urls":["%s"]}""".formatted(IMAGE)).render();
        assertThat(references.referenceImageUrls()).containsExactly(IMAGE);

        ModelInput v2v = validate("wan/2-6-video-to-video", """
                {"prompt":"restyle","video_urls":["https://example.com/in.mp4"]}""");
        assertThat(v2v.render().sourceVideoUrl()).isEqualTo("https://example.com/in.mp4");
        assertThat(v2v.mode()).isEqualTo(ModelMode.VIDEO_TO_VIDEO);
    }

    @Test
    void seedNegativePromptAndRandomSeed() {
        RenderSpec seeded = validate("wan/2-5-text-to-video", """
                {"prompt":"p","seed":42,"negative_prompt":"blur"}""").render();
        assertThat(seeded.seed()).isEqualTo(42L);
        assertThat(seeded.negativePrompt()).isEqualTo("blur");

        assertThat(validate("bytedance/v1-pro-text-to-video", """
                {"prompt":"p"}""").render().seed()).as("-1 is KIE's random seed").isNull();
    }

    @Test
    void dimensionsAreEvenForOddShapes() {
        RenderSpec spec = new RenderSpec("p", 5, 721, "21:9", null, null, null, null, java.util.List.of(), null,
                false, null, null);
        RenderSpec.Dimensions size = spec.dimensions(null);
        assertThat(size.width() % 2).isZero();
        assertThat(size.height()).isEqualTo(722);
    }
}
