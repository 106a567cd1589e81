package io.reelgate.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A copy through {@link EngineJob#toBuilder()} keeps every field, including one added to the record later. */
class EngineJobTest {

    @Test
    void toBuilderCopiesEveryFieldAndChangesOnlyTheOneNamed() throws Exception {
        EngineJob job = EngineJob.builder("task-1", EngineJob.Kind.EXTEND).prompt("a fox").imageUrl("https://a/i.png")
                .aspectRatio("16:9").quality("720p").durationSeconds(5).waterMark("mark").parentVideo(Path.of("p.mp4"))
                .parentUpstreamId("up-1").videoUrl("https://a/v.mp4").seed(7L).referenceImage("https://a/r.png")
                .lastFrameUrl("https://a/l.png").referenceImageUrls(List.of("https://a/r1.png"))
                .size(new VideoGeometry(1280, 720)).fps(24).model("veo3_fast")
                .route(new UpstreamRoute("veo", "veo-3.1", null, Map.of(), Map.of())).modelInput(Map.of("k", "v"))
                .webhookUrl("https://a/hook").workDir(Path.of("work")).build();
        for (RecordComponent component : EngineJob.class.getRecordComponents()) {
            assertThat(component.getAccessor().invoke(job)).as("the sample sets %s", component.getName()).isNotNull();
        }

        assertThat(job.toBuilder().build()).isEqualTo(job);
        EngineJob moved = job.toBuilder().imageUrl("file:///start.jpg").build();
        assertThat(moved.imageUrl()).isEqualTo("file:///start.jpg");
        assertThat(moved.toBuilder().imageUrl(job.imageUrl()).build()).isEqualTo(job);
    }
}
