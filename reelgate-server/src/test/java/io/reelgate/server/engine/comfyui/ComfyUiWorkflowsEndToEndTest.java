package io.reelgate.server.engine.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.FakeComfyUi;
import io.reelgate.server.testsupport.FakeComfyUi.Outcome;
import io.reelgate.server.testsupport.ImageHost;
import io.reelgate.server.testsupport.KieHttp.Answer;
import io.reelgate.server.testsupport.TinyMp4;
import io.reelgate.server.testsupport.VideoProbe;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What Reelgate submits to ComfyUI per task kind (the exact workflow JSON: placeholders filled, frames and size by
 * the model family's rules, inputs uploaded first), what it stores (H.264 at the rendered size) and the progress the
 * WebSocket reports.
 */
class ComfyUiWorkflowsEndToEndTest extends ComfyUiEndToEndTest {

    @Test
    void textToVideoSubmitsTheWanWorkflowSizedByTheModelRulesAndStoresAnH264Copy() throws Exception {
        String prompt = "a fox running through \"fresh\" snow, tracking shot";
        String taskId = kie.generate("{\"prompt\":" + JSON.writeValueAsString(prompt) + ",\"duration\":5,"
                + "\"quality\":\"720p\",\"aspectRatio\":\"16:9\",\"waterMark\":\"reelgate\"}");
        JsonNode view = awaitView(taskId);

        assertThat(view.get("state").asString()).isEqualTo("success");
        JsonNode body = onlyPrompt(prompt);
        assertThat(body.get("client_id").asString()).startsWith("reelgate-");
        assertThat(body.get("prompt")).isEqualTo(expected("expected-wan-t2v.json", taskId, seedOf(body, "3")));
        Path video = DATA_DIR.resolve("t2v.mp4");
        kie.download(view.get("videoUrl").asString(), video);
        VideoProbe.Info info = VideoProbe.probeOutputFormat(video);
        assertThat(info.width()).isEqualTo(1280);
        assertThat(info.height()).isEqualTo(720);
        assertThat(info.decodedFrames()).isEqualTo(8);
        assertThat(view.get("engine").asString()).isEqualTo("comfyui");
    }

    @Test
    void imageToVideoUploadsTheImageFirstAndFillsTheImageWorkflow() throws Exception {
        String image = HOST.serve("/inputs/cat.png", ImageHost.png(400, 300));
        String taskId = kie.generate("{\"prompt\":\"the cat turns its head\",\"duration\":10,\"quality\":\"720p\","
                + "\"imageUrl\":\"" + image + "\"}");

        assertThat(awaitView(taskId).get("state").asString()).isEqualTo("success");
        JsonNode body = onlyPrompt("the cat turns its head");
        // 400x300 is nearest 4:3: 960x720 at 720p (multiples of 16); 10 s at 16 fps = 161 frames (4n+1)
        assertThat(body.get("prompt")).isEqualTo(expected("expected-wan-i2v.json", taskId, seedOf(body, "3")));
        FakeComfyUi server = serverWith("the cat turns its head");
        FakeComfyUi.Upload upload = server.uploads().stream().filter(u -> u.name().equals(taskId + "-image.png"))
                .findFirst().orElseThrow();
        BufferedImage uploaded = ImageIO.read(new ByteArrayInputStream(upload.content()));
        assertThat(uploaded.getWidth()).isEqualTo(400);
        List<String> requests = server.requests();
        assertThat(requests.lastIndexOf("POST /upload/image")).isLessThan(requests.lastIndexOf("POST /prompt"));
    }

    @Test
    void extendUploadsTheParentsLastFrameForTheImageWorkflow() throws Exception {
        String parent = kie.generate("{\"prompt\":\"a parent clip\",\"duration\":5,\"quality\":\"720p\","
                + "\"aspectRatio\":\"9:16\"}");
        assertThat(awaitView(parent).get("state").asString()).isEqualTo("success");

        Answer extend = kie.postJson("/api/v1/runway/extend", "{\"taskId\":\"" + parent + "\",\"prompt\":\"and then it "
                + "rains\",\"quality\":\"720p\"}");
        String taskId = extend.data().get("taskId").asString();

        assertThat(awaitView(taskId).get("state").asString()).isEqualTo("success");
        JsonNode workflow = onlyPrompt("and then it rains").get("prompt");
        assertThat(workflow.get("52").get("inputs").get("image").asString()).isEqualTo(taskId + "-image.png");
        assertThat(workflow.get("50").get("inputs").get("width").asInt()).isEqualTo(720);
        assertThat(workflow.get("50").get("inputs").get("height").asInt()).isEqualTo(1280);
        assertThat(workflow.get("50").get("inputs").get("length").asInt()).isEqualTo(81);
        FakeComfyUi.Upload frame = serverWith("and then it rains").uploads().stream()
                .filter(u -> u.name().equals(taskId + "-image.png")).findFirst().orElseThrow();
        BufferedImage lastFrame = ImageIO.read(new ByteArrayInputStream(frame.content()));
        assertThat(lastFrame.getWidth()).isEqualTo(720);
        assertThat(lastFrame.getHeight()).isEqualTo(1280);
    }

    @Test
    void alephUploadsTheSourceVideoAndFillsTheVideoWorkflowWithTheSeed() {
        String source = HOST.serve("/inputs/source.mp4", TinyMp4.render(), "video/mp4");
        Answer submitted = kie.postJson("/api/v1/aleph/generate", "{\"prompt\":\"make it snow\",\"videoUrl\":\""
                + source + "\",\"seed\":42}");
        String taskId = submitted.data().get("taskId").asString();

        assertThat(awaitView(taskId).get("state").asString()).isEqualTo("success");
        JsonNode body = onlyPrompt("make it snow");
        // 320x180 is 16:9: 1280x720; the first 5 s at 16 fps = 81 frames
        assertThat(body.get("prompt")).isEqualTo(expected("expected-wan-v2v.json", taskId, 42));
        assertThat(serverWith("make it snow").uploads()).anyMatch(u -> u.name().equals(taskId + "-source.mp4")
                && u.content().length == TinyMp4.render().length);
    }

    @Test
    void progressMessagesOnTheWebSocketShowWhileThePromptRuns() {
        String prompt = "a long render with progress";
        String taskId = submitRunningForever(prompt);
        FakeComfyUi server = serverWith(prompt);
        String clientId = onlyPrompt(prompt).get("client_id").asString();
        awaitUntil(() -> server.socketClients().contains(clientId));

        server.sendProgress(prompt, 12, 20);

        awaitUntil(() -> kie.get("/api/v1/tasks/" + taskId).data().get("progress").asInt() == 60);
        server.finish(prompt);
        JsonNode view = awaitView(taskId);
        assertThat(view.get("state").asString()).isEqualTo("success");
        assertThat(view.get("progress").asInt()).isEqualTo(100);
    }
}
