package io.reelgate.server.engine.comfyui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.server.engine.EngineJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Templates: filling by JSON tree with typed numbers, the LTX-Video rules, and what a broken template is told. */
class WorkflowTemplateTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void ltxvTextToVideoGets8nPlus1FramesAndMultiplesOf32() {
        ComfyUiProperties properties = properties(new ComfyUiProperties.Workflow("ltxv-t2v", null, null),
                new ComfyUiProperties.Workflow("ltxv-i2v", null, null));
        ComfyWorkflows workflows = new ComfyWorkflows(properties);
        EngineJob job = EngineJob.generate("task-1", "a lighthouse at dusk", null, "9:16", "720p", 8, "", dir);

        JsonNode workflow = workflows.fill(job, new ComfyInput(null, null, null, "9:16"), null, 7L);

        assertThat(workflow.get("70").get("inputs").toString())
                .isEqualTo("{\"width\":704,\"height\":1280,\"length\":193,\"batch_size\":1}");
        assertThat(workflow.get("72").get("inputs").get("noise_seed").asLong()).isEqualTo(7L);
        assertThat(workflow.get("60").get("inputs").get("fps").asInt()).isEqualTo(24);
        assertThat(workflow.get("69").get("inputs").get("frame_rate").asInt()).isEqualTo(25);
        assertThat(workflow.get("6").get("inputs").get("text").asString()).isEqualTo("a lighthouse at dusk");
        assertThat(workflow.get("61").get("inputs").get("filename_prefix").asString()).isEqualTo("reelgate/task-1");
    }

    @Test
    void ltxvImageToVideoTakesTheUploadedImageName() {
        ComfyWorkflows workflows = new ComfyWorkflows(properties(new ComfyUiProperties.Workflow("ltxv-t2v", null, null),
                new ComfyUiProperties.Workflow("ltxv-i2v", null, null)));
        EngineJob job = EngineJob.generate("task-2", "it moves", "http://x/cat.png", null, "720p", 5, "", dir);

        JsonNode workflow = workflows.fill(job, new ComfyInput("image", dir, "task-2-image.png", "4:3"), "task-2-image.png", 1L);

        assertThat(workflow.get("78").get("inputs").get("image").asString()).isEqualTo("task-2-image.png");
        assertThat(workflow.get("77").get("inputs").get("width").asInt()).isEqualTo(960);
        assertThat(workflow.get("77").get("inputs").get("height").asInt()).isEqualTo(704);
        assertThat(workflow.get("77").get("inputs").get("length").asInt()).isEqualTo(121);
    }

    @Test
    void placeholdersInsideLongerStringsAreReplacedAsText() throws Exception {
        Path own = dir.resolve("own.json");
        Files.writeString(own, """
                {"6": {"class_type": "CLIPTextEncode", "inputs": {"text": "cinematic, {{prompt}}"}},
                 "9": {"class_type": "SaveWEBM", "inputs": {"filename_prefix": "mine/{{filename_prefix}}", "fps": "{{fps}}"}}}
                """);
        ComfyWorkflows workflows = new ComfyWorkflows(properties(new ComfyUiProperties.Workflow(own.toString(), "hunyuan",
                null), new ComfyUiProperties.Workflow("wan-i2v", null, null)));
        EngineJob job = EngineJob.generate("t", "a \"quoted\" {{seed}} prompt", null, "16:9", "720p", 5, "", dir);

        JsonNode workflow = workflows.fill(job, new ComfyInput(null, null, null, "16:9"), null, 3L);

        assertThat(workflow.get("6").get("inputs").get("text").asString()).isEqualTo("cinematic, a \"quoted\" {{seed}} prompt");
        assertThat(workflow.get("9").get("inputs").get("filename_prefix").asString()).isEqualTo("mine/reelgate/t");
        assertThat(workflow.get("9").get("inputs").get("fps").isInt()).isTrue();
    }

    @Test
    void brokenTemplatesStopTheStartWithTheReason() throws Exception {
        Path unknown = dir.resolve("unknown.json");
        Files.writeString(unknown, "{\"6\": {\"class_type\": \"CLIPTextEncode\", \"inputs\": {\"text\": \"{{prompt}} {{steps}}\"}}}");
        Path uiFormat = dir.resolve("ui.json");
        Files.writeString(uiFormat, "{\"nodes\": [], \"links\": []}");

        assertThatThrownBy(() -> ComfyTemplates.load(unknown.toString(), null))
                .hasMessageContaining("uses unknown placeholder {{steps}}");
        assertThatThrownBy(() -> ComfyTemplates.load(uiFormat.toString(), null))
                .hasMessageContaining("use \"Export (API)\"");
        assertThatThrownBy(() -> ComfyTemplates.load("wan-t2v", "image"))
                .hasMessageContaining("has no {{image}}");
        assertThatThrownBy(() -> new ComfyUiProperties.Workflow(unknown.toString(), null, null))
                .hasMessageContaining("family is required");
    }

    private static ComfyUiProperties properties(ComfyUiProperties.Workflow t2v, ComfyUiProperties.Workflow i2v) {
        return new ComfyUiProperties(List.of("http://127.0.0.1:8188"), 1, java.time.Duration.ofSeconds(5),
                java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(5), java.time.Duration.ofMinutes(1),
                java.time.Duration.ofSeconds(30), 1000, 1000, "blurry", t2v, i2v, null);
    }
}
