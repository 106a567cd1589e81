package io.reelgate.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteInputTemplateTest {

    private static final EngineJob IMAGE_JOB = EngineJob.builder("t1", EngineJob.Kind.GENERATE)
            .prompt("a fox").imageUrl("https://img.example/fox.png").aspectRatio("16:9").quality("768p")
            .durationSeconds(6).seed(42L).referenceImageUrls(List.of("https://img.example/a.png", "https://img.example/b.png"))
            .route(new UpstreamRoute("fal", "fal-ai/minimax/hailuo-02/standard/image-to-video", null, Map.of(), Map.of()))
            .modelInput(Map.of("prompt_optimizer", false, "mode", "std", "image_urls", List.of("https://img.example/fox.png")))
            .build();

    @Test
    void placeholdersKeepTheirTypeAndFiltersConvert() {
        Map<String, Object> template = ordered(
                "prompt", "${prompt}",
                "duration", "${duration|string}",
                "durationSeconds", "${duration}",
                "veoDuration", "${duration}s",
                "resolution", "${resolution|upper}",
                "seed", "${seed}",
                "prompt_optimizer", "${input.prompt_optimizer}",
                "mode", "${input.mode|map(std=standard,pro=pro)}",
                "literal", 0.5);

        Map<String, Object> body = RouteInputTemplate.render(template, IMAGE_JOB, MediaResolver.AS_URL);

        assertThat(body).containsExactly(Map.entry("prompt", "a fox"), Map.entry("duration", "6"),
                Map.entry("durationSeconds", 6), Map.entry("veoDuration", "6s"), Map.entry("resolution", "768P"),
                Map.entry("seed", 42L), Map.entry("prompt_optimizer", false), Map.entry("mode", "standard"),
                Map.entry("literal", 0.5));
    }

    @Test
    void absentValuesDropTheirKeyAndDefaultsFillIn() {
        EngineJob textJob = EngineJob.builder("t2", EngineJob.Kind.GENERATE).prompt("waves").durationSeconds(5).build();
        Map<String, Object> template = ordered("prompt", "${prompt}", "image_url", "${imageUrl}",
                "end_image_url", "${lastFrameUrl}", "negative_prompt", "${input.negative_prompt}",
                "aspect_ratio", "${aspectRatio|default(16:9)}", "tail", "${lastFrameUrl}-tail");

        assertThat(RouteInputTemplate.render(template, textJob, MediaResolver.AS_URL))
                .containsExactly(Map.entry("prompt", "waves"), Map.entry("aspect_ratio", "16:9"));
    }

    @Test
    void mediaGoThroughTheResolverIncludingListsAndMarkedInputFields() {
        MediaResolver asData = (url, field) -> "data:" + field + ":" + url.substring(url.lastIndexOf('/') + 1);
        Map<String, Object> template = ordered("image_url", "${imageUrl}", "refs", "${referenceImageUrls}",
                "first", "${input.image_urls[0]|media}", "nested", Map.of("frames", List.of("${imageUrl}", "${lastFrameUrl}")));

        Map<String, Object> body = RouteInputTemplate.render(template, IMAGE_JOB, asData);

        assertThat(body.get("image_url")).isEqualTo("data:imageUrl:fox.png");
        assertThat(body.get("refs")).isEqualTo(List.of("data:referenceImageUrls:a.png", "data:referenceImageUrls:b.png"));
        assertThat(body.get("first")).isEqualTo("data:input.image_urls[0]:fox.png");
        assertThat(body.get("nested")).isEqualTo(Map.of("frames", List.of("data:imageUrl:fox.png")));
    }

    @Test
    void anUnknownNameOrFilterIsAMappingErrorNotASilentOmission() {
        assertThatThrownBy(() -> RouteInputTemplate.render(Map.of("x", "${promt}"), IMAGE_JOB, MediaResolver.AS_URL))
                .hasMessageContaining("promt");
        assertThatThrownBy(() -> RouteInputTemplate.render(Map.of("x", "${prompt|shout}"), IMAGE_JOB,
                MediaResolver.AS_URL)).hasMessageContaining("shout");
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
