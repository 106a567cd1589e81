package io.reelgate.server.engine.replicate;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.MediaResolver;
import io.reelgate.server.engine.UpstreamRequest;
import io.reelgate.server.engine.UpstreamRoute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The create of a routed registry model: official model path, a pinned version, integer durations. */
class ReplicateRequestsTest {

    private final ReplicateRequests requests = new ReplicateRequests(
            new ReplicateProperties.DefaultModels("bytedance/seedance-1-pro", "bytedance/seedance-1-pro"));

    @Test
    void anOfficialModelRouteGoesToItsModelPathWithTheRenderedInput() {
        UpstreamRoute route = new UpstreamRoute("replicate", "kwaivgi/kling-v2.1", null,
                Map.of("prompt", "${prompt}", "start_image", "${imageUrl}", "duration", "${input.duration|int}",
                        "mode", "standard"), Map.of());
        EngineJob job = EngineJob.builder("t1", EngineJob.Kind.GENERATE).prompt("a cat").imageUrl("https://x/cat.png")
                .route(route).modelInput(Map.of("duration", "10")).webhookUrl("https://gw/webhooks/replicate/t1").build();

        UpstreamRequest request = requests.plan(job, MediaResolver.AS_URL);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/models/kwaivgi/kling-v2.1/predictions");
        assertThat(request.body()).isEqualTo(Map.of("input", Map.of("prompt", "a cat", "start_image",
                "https://x/cat.png", "duration", 10L, "mode", "standard"), "webhook", "https://gw/webhooks/replicate/t1",
                "webhook_events_filter", List.of("start", "completed")));
    }

    @Test
    void aVersionedModelGoesToPredictionsWithTheVersionAndNoWebhookWithoutAPublicUrl() {
        String version = "lightricks/ltx-video:" + "a".repeat(64);
        UpstreamRoute route = new UpstreamRoute("replicate", version, null, Map.of("prompt", "${prompt}"), Map.of());
        EngineJob job = EngineJob.builder("t2", EngineJob.Kind.GENERATE).prompt("waves").route(route).build();

        UpstreamRequest request = requests.plan(job, MediaResolver.AS_URL);

        assertThat(request.path()).isEqualTo("/predictions");
        assertThat(request.body()).isEqualTo(Map.of("version", version, "input", Map.of("prompt", "waves")));
    }
}
