package io.reelgate.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.testsupport.TestDataDirs;
import io.reelgate.server.testsupport.TestTaskInputs;
import org.junit.jupiter.api.Test;

/**
 * The route a claimed task's job carries is the registry route of its model for its engine <em>and</em> for the mode
 * of its stored input: a model with one id and one provider endpoint per mode (Sora 2 on fal) reaches the endpoint
 * of what the client asked for, on this node or on any other that claims the task later.
 */
class EngineJobFactoryTest {

    private final OneNode node = new OneNode();

    @Test
    void theStoredInputsModeChoosesAmongTheEnginesRoutes() {
        assertThat(routeOf("{\"prompt\":\"a fox\",\"seconds\":\"4\",\"size\":\"720x1280\"}"))
                .isEqualTo("fal-ai/sora-2/text-to-video");
        assertThat(routeOf("{\"prompt\":\"a fox\",\"seconds\":\"4\",\"size\":\"720x1280\","
                + "\"input_reference\":\"https://images.example/fox.png\"}"))
                .isEqualTo("fal-ai/sora-2/image-to-video");
    }

    @Test
    void aModelWithoutAMatchingRouteGivesNoRoute() {
        String id = node.waiting("comfyui", TestTaskInputs.textToVideo("a fox").model("sora-2")
                .modelInputJson("{\"prompt\":\"a fox\"}").build());
        assertThat(node.jobs().create(node.task(id), TestDataDirs.fresh("job-")).route()).isNull();
    }

    private String routeOf(String modelInputJson) {
        String id = node.waiting("fal", TestTaskInputs.textToVideo("a fox").model("sora-2")
                .modelInputJson(modelInputJson).build());
        EngineJob job = node.jobs().create(node.task(id), TestDataDirs.fresh("job-"));
        return job.route().upstreamModel();
    }
}
