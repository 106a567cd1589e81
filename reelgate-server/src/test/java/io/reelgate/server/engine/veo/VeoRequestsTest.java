package io.reelgate.server.engine.veo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.MediaResolver;
import io.reelgate.server.engine.UnsupportedInputException;
import io.reelgate.server.engine.UpstreamRequest;
import io.reelgate.server.engine.UpstreamRoute;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The create planned for a job, without I/O (media shown as URLs, as the routing snapshot sees them). */
class VeoRequestsTest {

    private final VeoRequests requests = new VeoRequests("veo-3.1-fast-generate-preview");

    @Test
    void aRoutelessTaskUsesTheDefaultModelAndParametersAndDropsTheSeed() {
        EngineJob job = EngineJob.builder(null, EngineJob.Kind.GENERATE).prompt("a kite").aspectRatio("16:9")
                .quality("720p").durationSeconds(4).seed(42L).build();

        UpstreamRequest request = requests.plan(job, MediaResolver.AS_URL);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("models/veo-3.1-fast-generate-preview:predictLongRunning");
        assertThat(request.body()).isEqualTo(Map.of("instances", List.of(Map.of("prompt", "a kite")), "parameters",
                Map.of("aspectRatio", "16:9", "resolution", "720p", "durationSeconds", 4, "personGeneration", "allow_all")));
        assertThat(VeoRequests.videoSeconds(request)).isEqualTo(4);
    }

    @Test
    void anExtensionStartsFromTheParentsLastFrameAndAllowsAdultsOnly() {
        EngineJob job = EngineJob.builder(null, EngineJob.Kind.EXTEND).prompt("more").durationSeconds(8)
                .parentVideo(Path.of("/data/parent.mp4"))
                .route(new UpstreamRoute("veo", "veo-3.1-generate-preview", null, Map.of(), Map.of())).build();

        Map<String, Object> body = requests.plan(job, (url, field) -> field + ":" + url).body();

        @SuppressWarnings("unchecked")
        Map<String, Object> instance = ((List<Map<String, Object>>) body.get("instances")).get(0);
        assertThat(instance.get("image")).isEqualTo("parentVideo:/data/parent.mp4");
        assertThat(((Map<?, ?>) body.get("parameters")).get("personGeneration")).isEqualTo("allow_adult");
    }

    @Test
    void videoToVideoIsRefusedNamingTheField() {
        EngineJob job = EngineJob.builder(null, EngineJob.Kind.ALEPH).prompt("snow").videoUrl("https://x/a.mp4").build();

        assertThatThrownBy(() -> requests.plan(job, MediaResolver.AS_URL)).isInstanceOf(UnsupportedInputException.class)
                .hasMessage("video-to-video is not available with the veo engine");
    }
}
