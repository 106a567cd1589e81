package io.reelgate.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.engine.UpstreamRequestPlanner;
import io.reelgate.server.task.ModelTask;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The routes whose mapping goes beyond a minimal input, planned for inputs that use every field they map: what the
 * provider is sent for Kling 3.0's multi-shot and end frame, and Seedance 2's references; and what they refuse.
 */
class FullInputRoutesTest {

    private static final Map<String, UpstreamRequestPlanner> PLANNERS = HostedEnginePlanners.all();

    @Test
    void kling3MultiShotIsSentAsReplicatesJsonTextWithBothFramesAndTheModeRenamed() {
        Map<String, Object> input = replicateInput("kling-3.0/video", """
                {"image_urls": ["https://images.example/a.png", "https://images.example/b.png"], "mode": "std",
                 "duration": "6", "aspect_ratio": "16:9", "sound": true, "multi_shots": true,
                 "multi_prompt": [{"prompt": "a fox wakes", "duration": 2}, {"prompt": "it runs", "duration": 4}]}""");

        assertThat(input).containsEntry("start_image", "https://images.example/a.png")
                .containsEntry("end_image", "https://images.example/b.png")
                .containsEntry("mode", "standard")
                .containsEntry("duration", 6)
                .containsEntry("generate_audio", true)
                .containsEntry("multi_prompt", "[{\"prompt\":\"a fox wakes\",\"duration\":2},{\"prompt\":\"it runs\",\"duration\":4}]")
                .doesNotContainKey("prompt");
    }

    @Test
    void kling3In4kOrWithElementsIsRefusedAtSubmit() {
        assertThat(refusal("kling-3.0/video", "{\"prompt\": \"a fox\", \"mode\": \"4K\"}"))
                .isEqualTo("mode 4K cannot be served by engine replicate (it accepts \"std\", \"pro\")");
        assertThat(refusal("kling-3.0/video", "{\"prompt\": \"a fox\", \"kling_elements\": [{\"name\": \"fox\", "
                + "\"element_input_urls\": [\"https://images.example/a.png\", \"https://images.example/b.png\"]}]}"))
                .isEqualTo("kling_elements cannot be served by engine replicate");
    }

    @Test
    void seedance2ReferencesGoToReplicatesReferenceLists() {
        Map<String, Object> input = replicateInput("bytedance/seedance-2", """
                {"prompt": "[Image1] dances to [Audio1]", "reference_image_urls": ["https://images.example/a.png"],
                 "reference_video_urls": ["https://videos.example/v.mp4"],
                 "reference_audio_urls": ["https://audio.example/a.mp3"], "duration": -1, "resolution": "1080p"}""");

        assertThat(input).containsEntry("reference_images", List.of("https://images.example/a.png"))
                .containsEntry("reference_videos", List.of("https://videos.example/v.mp4"))
                .containsEntry("reference_audios", List.of("https://audio.example/a.mp3"))
                .containsEntry("duration", -1L)
                .containsEntry("resolution", "1080p")
                .doesNotContainKeys("image", "last_frame_image");
    }

    @Test
    void seedance2FirstAndLastFramesAndWhatReplicateLacks() {
        Map<String, Object> input = replicateInput("bytedance/seedance-2-fast", """
                {"prompt": "a fox", "first_frame_url": "https://images.example/a.png",
                 "last_frame_url": "https://images.example/b.png"}""");
        assertThat(input).containsEntry("image", "https://images.example/a.png")
                .containsEntry("last_frame_image", "https://images.example/b.png")
                .doesNotContainKey("reference_images");

        assertThat(refusal("bytedance/seedance-2", "{\"prompt\": \"a fox\", \"resolution\": \"4k\"}"))
                .isEqualTo("resolution 4k cannot be served by engine replicate (it accepts \"480p\", \"720p\", \"1080p\")");
        assertThat(refusal("bytedance/seedance-2", "{\"prompt\": \"a fox\", \"web_search\": true}"))
                .startsWith("web_search true cannot be served by engine replicate");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> replicateInput(String model, String json) {
        Object planned = plan(model, json);
        assertThat(planned).as("planned request").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKey("body");
        Map<String, Object> body = (Map<String, Object>) ((Map<String, Object>) planned).get("body");
        return (Map<String, Object>) body.get("input");
    }

    @SuppressWarnings("unchecked")
    private static String refusal(String model, String json) {
        return (String) ((Map<String, Object>) plan(model, json)).get("refusedAtSubmit");
    }

    private static Object plan(String model, String json) {
        ModelInput input = Inputs.validate(model, json);
        ModelTask task = ModelTasks.of(input, "kie-market", null, "{}", null);
        ModelRoute route = input.model().routes().stream().filter(r -> r.engine().equals("replicate")).findFirst()
                .orElseThrow();
        return RoutePlans.planned(PLANNERS.get("replicate"), task, route);
    }
}
