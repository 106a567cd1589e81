package io.reelgate.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.task.ModelTask;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Routes limited to some of a model's modes, and {@code accepts} rules that want a field (or a list item) absent:
 * what {@link ModelTasks#routes} makes of the shipped entries that use them.
 */
class RouteModesTest {

    @Test
    void onlyTheRoutesOfTheInputsModeAreCandidates() {
        assertThat(routes("sora-2", "{\"prompt\": \"a fox\"}")).extracting(ModelTask.Route::engine)
                .containsExactly("fal", "preview");
        assertThat(routes("sora-2", "{\"prompt\": \"a fox\", \"input_reference\": \"https://images.example/a.png\"}"))
                .extracting(ModelTask.Route::engine).containsExactly("fal", "preview");
        assertThat(routes("sora-2", "{\"prompt\": \"a fox\", \"seconds\": \"16\"}").get(0).refused()).isFalse();
        assertThat(routes("sora-2", "{\"prompt\": \"a fox\", \"seconds\": \"16\", "
                + "\"input_reference\": \"https://images.example/a.png\"}").get(0).refusedMessage())
                .isEqualTo("seconds 16 cannot be served by engine fal (it accepts \"4\", \"8\", \"12\")");
    }

    @Test
    void anEmptyAcceptsListRefusesTheFieldOrItemWhenGiven() {
        assertThat(routes("grok-imagine/image-to-video", "{\"task_id\": \"grok-1\"}").get(0))
                .extracting(ModelTask.Route::refusedField, ModelTask.Route::refusedMessage)
                .containsExactly("task_id", "task_id cannot be served by engine fal");
        assertThat(routes("kling-3.0/video", "{\"prompt\": \"a fox\", \"kling_elements\": []}").get(0).refused())
                .as("an empty list is no value").isFalse();
        assertThat(routes("grok-imagine/image-to-video",
                "{\"image_urls\": [\"https://images.example/a.png\", \"https://images.example/b.png\"]}").get(0)
                .refusedMessage()).isEqualTo("image_urls[1] cannot be served by engine fal");
        assertThat(routes("grok-imagine/image-to-video", "{\"image_urls\": [\"https://images.example/a.png\"]}")
                .get(0).refused()).isFalse();
    }

    @Test
    void anEnginesRoutesPerEndpointServeWhatEitherAcceptsAndRefuseNamingAllOfIt() {
        assertThat(routes("veo3_extend", "{\"prompt\": \"on\", \"model\": \"quality\"}").get(0).refused()).isFalse();
        assertThat(routes("veo3_extend", "{\"prompt\": \"on\", \"model\": \"lite\"}").get(0))
                .extracting(ModelTask.Route::engine, ModelTask.Route::refusedField, ModelTask.Route::refusedMessage)
                .containsExactly("veo", "model", "model lite cannot be served by engine veo (it accepts \"fast\", \"quality\")");
        assertThat(Inputs.validate("veo3_extend", "{\"prompt\": \"on\", \"model\": \"quality\"}").routeFor("veo"))
                .map(ModelRoute::upstreamModel).contains("veo-3.1-generate-preview");
    }

    private static List<ModelTask.Route> routes(String model, String input) {
        return ModelTasks.routes(Inputs.validate(model, input));
    }
}
