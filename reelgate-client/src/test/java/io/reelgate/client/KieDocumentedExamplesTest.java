package io.reelgate.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.client.model.AlephCallback;
import io.reelgate.client.model.AlephDetail;
import io.reelgate.client.model.RunwayCallback;
import io.reelgate.client.model.TaskDetail;
import io.reelgate.client.model.TaskState;
import io.reelgate.client.model.UploadedFile;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Contract test against the KIE cloud: the example answers of KIE's documentation (docs/kie-contract.md), byte for
 * byte, replayed through the SDK's HTTP path (client in KIE mode) and its callback parser.
 */
class KieDocumentedExamplesTest {

    private final FakeServer server = new FakeServer();
    private final ReelgateClient kie = TestClients.builder(server, new FakeSleeper()).reelgateExtensions(false).build();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void generateAnswer() {
        server.answer(200, "{ \"code\": 200, \"msg\": \"success\", \"data\": { \"taskId\": \"ee603959-debb-48d1-98c4-a6d1c717eba6\" } }", Map.of());

        assertThat(kie.generate(io.reelgate.client.model.GenerateRequest.builder("p").aspectRatio("16:9").build()))
                .isEqualTo("ee603959-debb-48d1-98c4-a6d1c717eba6");
        assertThat(server.requests.get(0).header("Idempotency-Key")).as("nothing Reelgate-specific to KIE").isNull();
    }

    @Test
    void recordDetailFullExample() {
        server.answer(200, """
                {
                  "code": 200, "msg": "success",
                  "data": {
                    "taskId": "ee603959-debb-48d1-98c4-a6d1c717eba6",
                    "parentTaskId": "",
                    "generateParam": { "prompt": "A fluffy orange cat dancing…", "imageUrl": "https://example.com/image.jpg", "expandPrompt": true },
                    "state": "success",
                    "generateTime": "2023-08-15 14:30:45",
                    "videoInfo": {
                      "videoId": "485da89c-7fca-4340-8c04-101025b2ae71",
                      "taskId": "ee603959-debb-48d1-98c4-a6d1c717eba6",
                      "videoUrl": "https://file.com/k/xxxxxxx.mp4",
                      "imageUrl": "https://file.com/m/xxxxxxxx.png"
                    },
                    "failCode": 400,
                    "failMsg": "Generation failed, please try again later",
                    "expireFlag": 0
                  }
                }
                """, Map.of());

        TaskDetail detail = kie.recordDetail("ee603959-debb-48d1-98c4-a6d1c717eba6");

        assertThat(detail.state()).isEqualTo(TaskState.SUCCESS);
        assertThat(detail.generateParam().expandPrompt()).isTrue();
        assertThat(detail.generateTime()).isEqualTo("2023-08-15 14:30:45");
        assertThat(detail.videoInfo().videoUrl()).isEqualTo("https://file.com/k/xxxxxxx.mp4");
        assertThat(detail.videoInfo().videoId()).isEqualTo("485da89c-7fca-4340-8c04-101025b2ae71");
        assertThat(detail.failCode()).isEqualTo(400);
        assertThat(detail.expireFlag()).isZero();
    }

    @Test
    void alephRecordInfoSuccessExample() {
        server.answer(200, """
                {"code":200,"msg":"success","data":{
                  "taskId":"ee603959-debb-48d1-98c4-a6d1c717eba6",
                  "paramJson":"{\\"prompt\\":\\"A majestic eagle…\\",\\"videoUrl\\":\\"https://example.com/input-video.mp4\\"}",
                  "response":{"taskId":"ee603959-debb-48d1-98c4-a6d1c717eba6","resultVideoUrl":"https://file.com/k/xxxxxxx.mp4","resultImageUrl":"https://file.com/m/xxxxxxxx.png"},
                  "completeTime":"2023-08-15T14:30:45Z","createTime":"2023-08-15T14:25:00Z",
                  "successFlag":1,"errorCode":0,"errorMessage":""}}
                """, Map.of());

        AlephDetail detail = kie.alephRecordInfo("ee603959-debb-48d1-98c4-a6d1c717eba6");

        assertThat(detail.successFlag()).isEqualTo(1);
        assertThat(detail.response().resultVideoUrl()).isEqualTo("https://file.com/k/xxxxxxx.mp4");
        assertThat(detail.paramJson()).contains("input-video.mp4");
        assertThat(detail.completeTime()).isEqualTo("2023-08-15T14:30:45Z");
    }

    @Test
    void creditAndDownloadUrlExamples() {
        server.answer(200, "{ \"code\": 200, \"msg\": \"success\", \"data\": 100 }", Map.of());
        server.answer(200, "{ \"code\": 200, \"msg\": \"success\", \"data\": \"https://tempfile.1f6cxxx/bd98\" }", Map.of());

        assertThat(kie.credits()).isEqualTo(100);
        assertThat(kie.downloadUrl("https://file.com/k/xxxxxxx.mp4")).isEqualTo("https://tempfile.1f6cxxx/bd98");
    }

    @Test
    void uploadResponseExample() throws Exception {
        server.answer(200, """
                { "success": true, "code": 200, "msg": "File uploaded successfully",
                  "data": { "fileName": "uploaded-image.png", "filePath": "images/user-uploads/uploaded-image.png",
                            "downloadUrl": "https://tempfile.redpandaai.co/xxx/images/user-uploads/uploaded-image.png",
                            "fileSize": 154832, "mimeType": "image/png", "uploadedAt": "2025-01-01T12:00:00.000Z" } }
                """, Map.of());
        java.nio.file.Path file = java.nio.file.Files.createTempFile("upload", ".png");
        java.nio.file.Files.write(file, new byte[] {1, 2, 3});

        UploadedFile uploaded = kie.uploadStream(file, "images/user-uploads", "uploaded-image.png");

        assertThat(uploaded.downloadUrl()).isEqualTo("https://tempfile.redpandaai.co/xxx/images/user-uploads/uploaded-image.png");
        assertThat(uploaded.fileSize()).isEqualTo(154832);
        assertThat(uploaded.uploadedAt()).isEqualTo("2025-01-01T12:00:00.000Z");
    }

    @Test
    void documentedCallbackBodies() {
        RunwayCallback success = CallbackParser.parseRunway("""
                { "code": 200, "msg": "All generated successfully.",
                  "data": { "task_id": "ee603959-debb-48d1-98c4-a6d1c717eba6", "video_id": "485da89c-7fca-4340-8c04-101025b2ae71",
                            "video_url": "https://file.com/k/xxxxxxx.mp4", "image_url": "https://file.com/m/xxxxxxxx.png" } }
                """);
        RunwayCallback failure = CallbackParser.parseRunway("""
                { "code": 400, "msg": "Inappropriate content detected. Please replace the image or video.",
                  "data": { "task_id": "ee603959-debb-48d1-98c4-a6d1c717eba6", "video_id": "", "video_url": "", "image_url": "" } }
                """);
        AlephCallback aleph = CallbackParser.parseAleph("""
                { "code": 200, "msg": "success",
                  "data": { "result_video_url": "https://file.com/k/xxxxxxx.mp4", "result_image_url": "https://file.com/m/xxxxxxxx.png" },
                  "taskId": "ee603959-debb-48d1-98c4-a6d1c717eba6" }
                """);
        AlephCallback alephFailure = CallbackParser.parseAleph("""
                { "code": 400, "msg": "Your prompt was caught by our AI moderator. Please adjust it and try again!",
                  "data": null, "taskId": "ee603959-debb-48d1-98c4-a6d1c717eba6" }
                """);

        assertThat(success.videoUrl()).isEqualTo("https://file.com/k/xxxxxxx.mp4");
        assertThat(success.taskId()).isEqualTo("ee603959-debb-48d1-98c4-a6d1c717eba6");
        assertThat(failure.code()).isEqualTo(400);
        assertThat(failure.videoUrl()).isEmpty();
        assertThat(aleph.resultImageUrl()).isEqualTo("https://file.com/m/xxxxxxxx.png");
        assertThat(alephFailure.resultVideoUrl()).isNull();
        assertThat(alephFailure.msg()).startsWith("Your prompt was caught");
    }
}
