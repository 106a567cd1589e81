package io.reelgate.server.catalog;

import static io.reelgate.server.catalog.Inputs.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** The field tables and type traps of the KIE Market, KIE Veo and OpenAI contracts (docs/models.md). */
class ModelInputValidationTest {

    private static final String IMAGE = "https://example.com/cat.png";

    @Test
    void kling26WithoutAspectRatioDefaultsToSquare() {
        ModelInput input = validate("kling-2.6/text-to-video", """
                {"prompt":"a cat surfing","sound":false,"duration":"5"}""");

        assertThat(input.get("aspect_ratio")).isEqualTo("1:1");
        assertThat(input.render().aspectRatio()).isEqualTo("1:1");
    }

    @Test
    void stringDurationAcceptsTextAndNumberAndNormalisesToText() {
        assertThat(validate("kling-2.6/text-to-video", """
                {"prompt":"p","sound":true,"duration":"10"}""").get("duration")).isEqualTo("10");
        assertThat(validate("kling-2.6/text-to-video", """
                {"prompt":"p","sound":true,"duration":10}""").get("duration")).isEqualTo("10");
    }

    @Test
    void durationOutsideTheListIsRefusedNamingTheField() {
        refused("kling-2.6/text-to-video", """
                {"prompt":"p","sound":true,"duration":"7"}""", "duration", "duration must be one of \"5\", \"10\"");
    }

    @Test
    void hailuoResolutionIsCaseSensitive() {
        String ok = """
                {"prompt":"p","image_url":"%s","resolution":"768P"}""".formatted(IMAGE);
        assertThat(validate("hailuo/2-3-image-to-video-standard", ok).get("resolution")).isEqualTo("768P");

        refused("hailuo/2-3-image-to-video-standard", ok.replace("768P", "768p"), "resolution",
                "resolution must be one of \"768P\", \"1080P\"");
    }

    @Test
    void hailuo23At1080POnlyWithSixSeconds() {
        String input = """
                {"prompt":"p","image_url":"%s","resolution":"1080P","duration":"%s"}""";
        assertThat(validate("hailuo/2-3-image-to-video-pro", input.formatted(IMAGE, "6")).price()).isEqualTo(80);
        refused("hailuo/2-3-image-to-video-pro", input.formatted(IMAGE, "10"), "duration",
                "duration must be one of \"6\" when resolution is \"1080P\"");
    }

    @Test
    void hailuo02ImageToVideoDefaultsToTenSecondsWhichIsNotAllowedAt1080P() {
        ModelInput input = validate("hailuo/02-image-to-video-standard", """
                {"prompt":"p","image_url":"%s"}""".formatted(IMAGE));
        assertThat(input.get("duration")).isEqualTo("10");
        assertThat(input.get("prompt_optimizer")).isEqualTo(true);

        refused("hailuo/02-image-to-video-standard", """
                {"prompt":"p","image_url":"%s","resolution":"1080P"}""".formatted(IMAGE), "duration",
                "duration must be one of \"6\" when resolution is \"1080P\"");
    }

    @Test
    void wan27UsesRatioAndRefusesAspectRatio() {
        ModelInput input = validate("wan/2-7-text-to-video", """
                {"prompt":"p","ratio":"9:16"}""");
        assertThat(input.render().aspectRatio()).isEqualTo("9:16");

        refused("wan/2-7-text-to-video", """
                {"prompt":"p","aspect_ratio":"9:16"}""", "aspect_ratio", "unknown field: aspect_ratio");
    }

    @Test
    void wan26HasNoAspectRatio() {
        refused("wan/2-6-text-to-video", """
                {"prompt":"p","aspect_ratio":"16:9"}""", "aspect_ratio", "unknown field: aspect_ratio");
    }

    @Test
    void seedance2DurationIsAnIntegerWhetherSentAsNumberOrText() {
        assertThat(validate("bytedance/seedance-2", """
                {"prompt":"p","duration":12}""").get("duration")).isEqualTo(12L);
        assertThat(validate("bytedance/seedance-2", """
                {"prompt":"p","duration":"12"}""").get("duration")).isEqualTo(12L);
        assertThat(validate("bytedance/seedance-2", """
                {"prompt":"p"}""").get("duration")).isEqualTo(5L);
        refused("bytedance/seedance-2", """
                {"prompt":"p","duration":3}""", "duration", "duration must be one of -1, 4, 5");
        refused("bytedance/seedance-2", """
                {"prompt":"p","duration":4.5}""", "duration", "duration must be a whole number of seconds");
    }

    @Test
    void seedance2FramesAndReferencesAreExclusive() {
        ModelInput frames = validate("bytedance/seedance-2", """
                {"prompt":"p","first_frame_url":"%s"}""".formatted(IMAGE));
        assertThat(frames.mode()).isEqualTo(ModelMode.IMAGE_TO_VIDEO);

        refused("bytedance/seedance-2", """
                {"prompt":"p","first_frame_url":"%s","reference_image_urls":["%s"]}""".formatted(IMAGE, IMAGE),
                "reference_image_urls", "reference_image_urls cannot be combined with first_frame_url");
    }

    @Test
    void veoAcceptsBothAspectRatioSpellingsAndTheFieldsOwnNameWins() {
        assertThat(validate("veo3_fast", """
                {"prompt":"p","aspectRatio":"9:16"}""").get("aspectRatio")).isEqualTo("9:16");
        ModelInput snake = validate("veo3_fast", """
                {"prompt":"p","aspect_ratio":"9:16"}""");
        assertThat(snake.values()).containsEntry("aspectRatio", "9:16").doesNotContainKey("aspect_ratio");
        assertThat(validate("veo3_fast", """
                {"prompt":"p","aspect_ratio":"9:16","aspectRatio":"16:9"}""").get("aspectRatio")).isEqualTo("16:9");
    }

    @Test
    void veoReferenceModeIsEightSecondsOnlyAndNotOfferedByQuality() {
        refused("veo3_fast", """
                {"prompt":"p","imageUrls":["%s"],"generationType":"REFERENCE_2_VIDEO","duration":4}""".formatted(IMAGE),
                "duration", "duration must be one of 8 when generationType is \"REFERENCE_2_VIDEO\"");
        refused("veo3", """
                {"prompt":"p","generationType":"REFERENCE_2_VIDEO"}""", "generationType",
                "generationType must be one of \"TEXT_2_VIDEO\", \"FIRST_AND_LAST_FRAMES_2_VIDEO\"");
    }

    @Test
    void kling30MultiShotNeedsSound() {
        ModelInput input = validate("kling-3.0/video", """
                {"prompt":"p"}""");
        assertThat(input.values()).containsEntry("mode", "pro").containsEntry("duration", "5")
                .containsEntry("aspect_ratio", "1:1").containsEntry("sound", false);

        refused("kling-3.0/video", """
                {"multi_shots":true,"multi_prompt":[{"prompt":"a","duration":3}]}""", "sound",
                "sound must be one of true when multi_shots is true");
        refused("kling-3.0/video", """
                {"duration":"5"}""", "prompt", "prompt is required when multi_shots is false");
        refused("kling-3.0/video", """
                {"prompt":"p","duration":"16"}""", "duration", "duration must be at most 15");
    }

    @Test
    void kling30MultiPromptItemsAreCheckedAndNamedByIndex() {
        ModelInput input = validate("kling-3.0/video", """
                {"sound":true,"multi_shots":true,"multi_prompt":[{"prompt":"a","duration":"3"},{"prompt":"b","duration":4}]}""");
        assertThat(input.get("multi_prompt")).isEqualTo(java.util.List.of(
                java.util.Map.of("prompt", "a", "duration", 3L), java.util.Map.of("prompt", "b", "duration", 4L)));

        refused("kling-3.0/video", """
                {"sound":true,"multi_shots":true,"multi_prompt":[{"prompt":"a","duration":3},{"prompt":"b","duration":13}]}""",
                "multi_prompt[1].duration", "multi_prompt[1].duration must be at most 12");
        refused("kling-3.0/video", """
                {"prompt":"p","kling_elements":[{"name":"hero","element_input_urls":["%s"]}]}""".formatted(IMAGE),
                "kling_elements[0].element_input_urls", "kling_elements[0].element_input_urls needs at least 2 items");
        refused("kling-3.0/video", """
                {"prompt":"p","kling_elements":[{"title":"hero"}]}""", "kling_elements[0].title",
                "unknown field: kling_elements[0].title");
    }

    @Test
    void veoTextToVideoHasNoAutoRatioAndReferenceModeNeedsImages() {
        refused("veo3_fast", """
                {"prompt":"p","generationType":"TEXT_2_VIDEO","aspectRatio":"Auto"}""", "aspectRatio",
                "aspectRatio must be one of \"16:9\", \"9:16\" when generationType is \"TEXT_2_VIDEO\"");
        refused("veo-3-1", """
                {"prompt":"p","generation_type":"REFERENCE_2_VIDEO"}""", "image_urls",
                "image_urls is required when generation_type is \"REFERENCE_2_VIDEO\"");
    }

    @Test
    void modelIdsAreExact() {
        assertThat(Inputs.REGISTRY.find("kling-2.6/text-to-video")).isPresent();
        assertThat(Inputs.REGISTRY.find("Kling-2.6/text-to-video")).isEmpty();
        assertThat(Inputs.REGISTRY.find("kling/v2-6-text-to-video")).isEmpty();
        assertThatThrownBy(() -> Inputs.REGISTRY.require("bytedance/seedance-1-5-pro"))
                .isInstanceOf(UnknownModelException.class).hasMessage("The model is not supported");
        assertThat(Inputs.REGISTRY.forDialect("openai")).extracting(VideoModel::id).containsExactly("sora-2", "sora-2-pro");
        assertThat(Inputs.REGISTRY.forDialect("kie-veo")).extracting(VideoModel::id)
                .containsExactly("veo3", "veo3_fast", "veo3_lite", "veo3_extend");
    }

    @Test
    void missingRequiredFieldIsNamed() {
        refused("kling-2.6/image-to-video", """
                {"prompt":"p","sound":false,"duration":"5"}""", "image_urls", "image_urls is required");
        refused("sora-2", "{}", "prompt", "prompt is required");
    }

    @Test
    void listLimitsNameTheFieldAndBadItemsTheirIndex() {
        refused("kling-2.6/image-to-video", """
                {"prompt":"p","sound":false,"duration":"5","image_urls":["%s","%s"]}""".formatted(IMAGE, IMAGE),
                "image_urls", "image_urls accepts at most 1 item");
        refused("kling-2.6/image-to-video", """
                {"prompt":"p","sound":false,"duration":"5","image_urls":["not a url"]}""",
                "image_urls[0]", "image_urls[0] must be an http(s) URL");
    }

    @Test
    void unknownFieldIsRefusedAndCanBeReportedUnderInput() {
        InvalidModelInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidModelInputException.class,
                () -> validate("runway", """
                        {"prompt":"p","aspect_ratio":"16:9","foo":1}"""));
        assertThat(e.field()).isEqualTo("foo");
        assertThat(e.getMessage()).isEqualTo("unknown field: foo");
        assertThat(e.under("input").field()).isEqualTo("input.foo");
        assertThat(e.under("input").getMessage()).isEqualTo("unknown field: input.foo");
    }

    @Test
    void typesAreStrict() {
        refused("kling-2.6/text-to-video", """
                {"prompt":"p","sound":"yes","duration":"5"}""", "sound", "sound must be true or false");
        refused("kling-2.6/text-to-video", """
                {"prompt":7,"sound":true,"duration":"5"}""", "prompt", "prompt must be a string");
        refused("kling-2.6/text-to-video", """
                {"prompt":"%s","sound":true,"duration":"5"}""".formatted("x".repeat(1001)), "prompt",
                "prompt must be at most 1000 characters");
    }

    @Test
    void runwayTextNeedsARatioAnd1080POnlyFiveSeconds() {
        refused("runway", """
                {"prompt":"p"}""", "image_url", "image_url or aspect_ratio is required");
        refused("runway", """
                {"prompt":"p","aspect_ratio":"16:9","quality":"1080p","duration":10}""", "duration",
                "duration must be one of 5 when quality is \"1080p\"");
        assertThat(validate("runway", """
                {"prompt":"p","image_url":"%s"}""".formatted(IMAGE)).mode()).isEqualTo(ModelMode.IMAGE_TO_VIDEO);
    }

    @Test
    void grokImageToVideoNeedsAnImageOrATaskAndSpicyOnlyWithATask() {
        refused("grok-imagine/image-to-video", "{}", "image_urls", "image_urls or task_id is required");
        refused("grok-imagine/image-to-video", """
                {"image_urls":["%s"],"mode":"spicy"}""".formatted(IMAGE), "task_id",
                "task_id is required when mode is \"spicy\"");
        assertThat(validate("grok-imagine/image-to-video", """
                {"task_id":"task_grok_1","mode":"spicy"}""").get("index")).isEqualTo(0L);
    }

    @Test
    void soraSecondsAreTextAndDefaultToFourAt720x1280() {
        ModelInput input = validate("sora-2", """
                {"prompt":"p","seconds":8}""");
        assertThat(input.get("seconds")).isEqualTo("8");
        assertThat(validate("sora-2", """
                {"prompt":"p"}""").values()).containsEntry("seconds", "4").containsEntry("size", "720x1280");
        refused("sora-2", """
                {"prompt":"p","size":"1792x1024"}""", "size", "size must be one of \"720x1280\", \"1280x720\"");
    }

    @Test
    void emptyOptionalUrlIsAbsentAsKlingDocumentsIt() {
        ModelInput input = validate("kling/v2-5-turbo-image-to-video-pro", """
                {"prompt":"p","image_url":"%s","tail_image_url":""}""".formatted(IMAGE));
        assertThat(input.values()).doesNotContainKey("tail_image_url")
                .containsEntry("negative_prompt", "blur, distort, and low quality").containsEntry("cfg_scale", 0.5);
    }

    private static void refused(String model, String input, String field, String message) {
        AbstractThrowableAssert<?, ?> thrown = assertThatThrownBy(() -> validate(model, input))
                .isInstanceOf(InvalidModelInputException.class);
        thrown.hasMessageStartingWith(message);
        thrown.extracting(e -> ((InvalidModelInputException) e).field()).isEqualTo(field);
    }
}
