package io.reelgate.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code reelgate.models.file}: an operator's entries add to and replace the shipped ones; a bad file stops startup. */
class OperatorRegistryFileTest {

    private static final String ACME = """
            {"id": "acme/v1", "family": "acme", "modes": ["text-to-video"], "dialects": ["kie-market"],
             "fields": {"prompt": {"type": "string", "required": true},
                        "duration": {"type": "duration", "values": ["5", "10"], "default": "5"}},
             "render": {"prompt": "prompt", "duration": "duration", "resolution": {"fixed": 720}},
             "price": [{"perSecond": 2}],
             "routes": [{"engine": "preview"}, {"engine": "fal", "upstreamModel": "acme/v1-turbo", "inputMap": {"duration": "seconds"}}]}""";

    @TempDir
    Path dir;

    @Test
    void operatorFileAddsAModelAndKeepsTheShippedOnes() throws IOException {
        ModelRegistry registry = new ModelRegistry(file("{\"models\": [" + ACME + "]}").toString());

        VideoModel acme = registry.find("acme/v1").orElseThrow();
        assertThat(acme.validate(Inputs.json("{\"prompt\":\"p\",\"duration\":10}")).price()).isEqualTo(20);
        assertThat(acme.routes().get(1).upstreamModel()).isEqualTo("acme/v1-turbo");
        assertThat(acme.routes().get(1).options()).containsKey("inputMap");
        assertThat(registry.all()).hasSize(Inputs.REGISTRY.all().size() + 1);
        assertThat(registry.find("kling-2.6/text-to-video")).isPresent();
    }

    @Test
    void operatorEntryReplacesTheShippedEntryOfTheSameIdInPlace() throws IOException {
        String cheaperRunway = ACME.replace("acme/v1", "runway").replace("\"perSecond\": 2", "\"credits\": 1");

        ModelRegistry registry = Inputs.REGISTRY.withOverrides(file("{\"models\": [" + cheaperRunway + "]}"));

        assertThat(registry.find("runway").orElseThrow().validate(Inputs.json("{\"prompt\":\"p\"}")).price()).isEqualTo(1);
        assertThat(registry.all()).hasSize(Inputs.REGISTRY.all().size());
        assertThat(registry.all().stream().map(VideoModel::id).toList())
                .isEqualTo(Inputs.REGISTRY.all().stream().map(VideoModel::id).toList());
    }

    @Test
    void unsetSettingServesTheShippedModels() {
        new ApplicationContextRunner().withBean(ModelRegistry.class).run(context ->
                assertThat(context.getBean(ModelRegistry.class).all()).hasSize(Inputs.REGISTRY.all().size()));
    }

    @Test
    void malformedOperatorFileFailsStartupNamingEntryAndKey() throws IOException {
        Path bad = file("{\"models\": [" + ACME.replace("\"type\": \"duration\"", "\"type\": \"seconds\"") + "]}");

        new ApplicationContextRunner().withBean(ModelRegistry.class)
                .withPropertyValues("reelgate.models.file=" + bad)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(ModelRegistryException.class)
                        .hasMessageContaining("entry \"acme/v1\", key fields.duration.type: unknown field type \"seconds\""));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            "default": "5"                  | "default": "7"                       | key fields.duration.default: "7" is not allowed: duration must be one of "5", "10"
            "price": [{"perSecond": 2}],    | ''                                   | key price: is required
            "routes": [{"engine": "preview"}, | "routes": [{"engine": "runway"}, | key routes: must include the preview engine
            "resolution": {"fixed": 720}    | "resolution": {"fixed": "HD"}        | key render.resolution: "HD" gives no short side
            "render": {"prompt": "prompt",  | "render": {"prompt": "text",         | key render.prompt: names no field of this entry: text
            "modes": ["text-to-video"]      | "modes": ["text-to-video"], "mdoe": 1 | key mdoe: unknown key
            "price": [{"perSecond": 2}]     | "price": [{"when": {"duration": "7"}}] | key price[0].credits: give exactly one of credits and perSecond
            "dialects": ["kie-market"]      | "dialects": ["kie"]                  | key dialects: unknown dialect "kie"
            "resolution": {"fixed": 720}    | "resolution": {"fixed": 720}, "variants": [{"if": {"duration": "10"}, "size": "prompt", "audio": "sound"}] | key render.variants[0].audio: names no field of this entry: sound
            {"engine": "preview"},          | {"engine": "preview", "modes": ["text-to-video"]}, | key routes[0].modes: the preview route serves every mode of the model
            {"engine": "fal",               | {"engine": "fal", "modes": ["image-to-video"], | key routes[1].modes: "image-to-video" is not a mode of this model
            "inputMap"                      | "accepts": {"image urls": []}, "inputMap"  | key routes[1].accepts.image urls: must name a field or field[index]
            """)
    void malformedEntryIsRefusedNamingEntryAndKey(String original, String broken, String message) throws IOException {
        String entry = ACME.replace(original, broken);
        assertThat(entry).isNotEqualTo(ACME);

        assertThatThrownBy(() -> ModelRegistry.from(file("{\"models\": [" + entry + "]}")))
                .isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("entry \"acme/v1\", " + message);
    }

    @Test
    void entryWithoutRoutesOrIdNamesIt() throws IOException {
        assertThatThrownBy(() -> ModelRegistry.from(file("{\"models\": [" + ACME.replace("\"id\": \"acme/v1\", ", "") + "]}")))
                .isInstanceOf(ModelRegistryException.class).hasMessageContaining("entry \"#0\", key id: is required");
        assertThatThrownBy(() -> ModelRegistry.from(file("{\"models\": [" + ACME + "," + ACME + "]}")))
                .isInstanceOf(ModelRegistryException.class).hasMessageContaining("entry \"acme/v1\", key id: appears twice");
        assertThatThrownBy(() -> ModelRegistry.from(file("{\"models\": [" + ACME)))
                .isInstanceOf(ModelRegistryException.class).hasMessageContaining("not valid JSON");
    }

    private Path file(String content) throws IOException {
        Path file = Files.createTempFile(dir, "models", ".json");
        Files.writeString(file, content);
        return file;
    }
}
