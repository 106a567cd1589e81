package io.reelgate.server.api.reelgate;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.catalog.ModelRegistry;
import io.reelgate.server.testsupport.EndToEndTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The registry as the playground and the CLI read it. */
class ModelsEndToEndTest extends EndToEndTest {

    @Test
    void everyRegistryModelIsListedWithItsFields() {
        JsonNode models = kie.get("/api/v1/models").data();

        List<String> ids = new ArrayList<>();
        models.forEach(m -> ids.add(m.get("id").asString()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(
                ModelRegistry.bundled().all().stream().map(m -> m.id()).toList());
        JsonNode kling = find(models, "kling-2.6/text-to-video");
        assertThat(kling.get("modes").get(0).asString()).isEqualTo("text-to-video");
        assertThat(kling.get("engines").get(kling.get("engines").size() - 1).asString()).isEqualTo("preview");
        JsonNode duration = find(kling.get("fields"), "duration", "name");
        assertThat(duration.get("type").asString()).isEqualTo("duration");
        assertThat(duration.get("values").toString()).isEqualTo("[\"5\",\"10\"]");
        JsonNode ratio = find(kling.get("fields"), "aspect_ratio", "name");
        assertThat(ratio.get("default").asString()).isEqualTo("1:1");
    }

    @Test
    void theListNarrowsToOneApiFamily() {
        JsonNode openai = kie.get("/api/v1/models?dialect=openai").data();

        assertThat(openai).isNotEmpty();
        openai.forEach(m -> assertThat(m.get("dialects").toString()).contains("\"openai\""));
    }

    private static JsonNode find(JsonNode list, String id) {
        return find(list, id, "id");
    }

    private static JsonNode find(JsonNode list, String value, String key) {
        for (JsonNode item : list) {
            if (item.get(key).asString().equals(value)) {
                return item;
            }
        }
        throw new AssertionError(value + " not in " + list);
    }
}
