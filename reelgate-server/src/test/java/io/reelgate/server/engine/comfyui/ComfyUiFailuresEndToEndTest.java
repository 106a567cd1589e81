package io.reelgate.server.engine.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.FakeComfyUi;
import io.reelgate.server.testsupport.FakeComfyUi.Outcome;
import io.reelgate.server.testsupport.KieHttp;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * How the comfyui engine fails and recovers: ComfyUI's refusals and runtime errors fail the task naming the node; a
 * dead server is skipped; a vanished or restarted server's task is submitted again; with every server down generate
 * falls back to preview; a passed deadline interrupts the prompt.
 */
class ComfyUiFailuresEndToEndTest extends ComfyUiEndToEndTest {

    @Test
    void nodeErrorsOnSubmitFailTheTaskAtOnceNamingTheNode() {
        scriptBoth("a model that is not installed", Outcome.REFUSE, 0);

        String taskId = kie.generate("{\"prompt\":\"a model that is not installed\",\"duration\":5,\"quality\":\"720p\","
                + "\"aspectRatio\":\"16:9\"}");
        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);

        KieHttp.assertFailed(detail, 500, "ComfyUI refused the workflow: node 37 (UNETLoader): "
                + "Value not in list: unet_name: 'wan2.1_t2v_14B_fp16.safetensors' not in (list of length 23)");
        assertThat(allPrompts("a model that is not installed")).hasSize(1);
    }

    @Test
    void executionErrorDuringTheRunFailsTheTaskNamingTheNode() {
        scriptBoth("too big for the GPU", Outcome.EXECUTION_ERROR, 2);

        String taskId = kie.generate("{\"prompt\":\"too big for the GPU\",\"duration\":5,\"quality\":\"1080p\","
                + "\"aspectRatio\":\"16:9\"}");
        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);

        KieHttp.assertFailed(detail, 500, "ComfyUI failed at node 3 (KSampler): "
                + "torch.OutOfMemoryError: Allocation on device 0 would exceed allowed memory. (out of memory)");
    }

    @Test
    void anUnreachableServerIsSkippedAndTheTaskRunsOnTheOther() {
        GPU0.stop();
        try {
            String taskId = kie.generate("{\"prompt\":\"gpu0 is unplugged\",\"duration\":5,\"quality\":\"720p\","
                    + "\"aspectRatio\":\"1:1\"}");

            assertThat(awaitView(taskId).get("state").asString()).isEqualTo("success");
            assertThat(GPU1.promptsWithText("gpu0 is unplugged")).hasSize(1);
            assertThat(GPU0.promptsWithText("gpu0 is unplugged")).isEmpty();
        } finally {
            GPU0.start();
        }
    }

    @Test
    void withEveryServerDownGenerateFailsOverToThePreviewEngine() {
        GPU0.stop();
        GPU1.stop();
        try {
            String taskId = kie.generate("{\"prompt\":\"the whole rack is off\",\"duration\":5,\"quality\":\"720p\","
                    + "\"aspectRatio\":\"16:9\"}");
            JsonNode view = awaitView(taskId);

            assertThat(view.get("state").asString()).isEqualTo("success");
            assertThat(view.get("engine").asString()).isEqualTo("preview");
        } finally {
            GPU0.start();
            GPU1.start();
        }
    }

    @Test
    void aServerThatVanishesMidRunHasItsTaskSubmittedAgainOnTheOther() {
        String prompt = "the GPU box loses power";
        String taskId = submitRunningForever(prompt);
        FakeComfyUi first = serverWith(prompt);
        FakeComfyUi other = first == GPU0 ? GPU1 : GPU0;
        other.script(prompt, Outcome.SUCCEED, 1);

        first.stop();
        try {
            JsonNode view = awaitView(taskId);

            assertThat(view.get("state").asString()).isEqualTo("success");
            assertThat(first.promptsWithText(prompt)).hasSize(1);
            assertThat(other.promptsWithText(prompt)).hasSize(1);
        } finally {
            // the abandoned prompt would otherwise keep "running" there and hold later prompts in its queue
            first.forgetQueueAndHistory();
            first.start();
        }
    }

    @Test
    void aRestartedServerThatForgotThePromptGetsTheTaskAgain() {
        String prompt = "comfyui restarts mid-run";
        String taskId = submitRunningForever(prompt);
        FakeComfyUi first = serverWith(prompt);
        awaitUntil(() -> first.requests().contains("GET /queue"));
        scriptBoth(prompt, Outcome.SUCCEED, 0);

        first.forgetQueueAndHistory();

        assertThat(awaitView(taskId).get("state").asString()).isEqualTo("success");
        assertThat(allPrompts(prompt)).hasSize(2);
    }

    @Test
    void aPassedDeadlineInterruptsThePromptAndFailsTheTask() {
        String prompt = "takes longer than the client waits";
        scriptBoth(prompt, Outcome.RUN_FOREVER, 0);
        HttpRequest request = kie.authorized("/api/v1/runway/generate")
                .header("Content-Type", "application/json")
                .header("Reelgate-Deadline", "3")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"" + prompt + "\",\"duration\":5,"
                        + "\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}", StandardCharsets.UTF_8))
                .build();
        String taskId = kie.send(request).data().get("taskId").asString();

        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);

        assertThat(detail.get("state").asString()).isEqualTo("fail");
        assertThat(detail.get("failMsg").asString()).isEqualTo("Task was cancelled: its deadline passed");
        FakeComfyUi server = serverWith(prompt);
        String promptId = server.promptIds(prompt).get(0);
        awaitUntil(() -> server.interrupts().stream()
                .anyMatch(body -> body.path("prompt_id").asString("").equals(promptId)));
        awaitUntil(() -> server.queueEdits().stream()
                .anyMatch(edit -> edit.path("delete").path(0).asString("").equals(promptId)));
    }
}
