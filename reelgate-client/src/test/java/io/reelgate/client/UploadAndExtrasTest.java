package io.reelgate.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.client.model.Base64UploadRequest;
import io.reelgate.client.model.UploadedFile;
import io.reelgate.client.model.UrlUploadRequest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadAndExtrasTest extends FakeServerTest {

    private static final String UPLOADED = "{\"success\":true,\"code\":200,\"msg\":\"File uploaded successfully\","
            + "\"data\":{\"fileName\":\"a.png\",\"filePath\":\"img/a.png\",\"downloadUrl\":\"http://x/img/a.png\","
            + "\"fileSize\":3,\"mimeType\":\"image/png\",\"uploadedAt\":\"2030-01-01T00:00:00.000Z\"}}";


    @TempDir
    Path dir;

    @Test
    void aFileIsUploadedAsMultipartWithItsFields() throws Exception {
        server.answer(200, UPLOADED, java.util.Map.of());
        Path file = Files.write(dir.resolve("a.png"), new byte[] {1, 2, 3});

        UploadedFile uploaded = client.uploadStream(file, "img", "a.png");

        assertThat(uploaded.downloadUrl()).isEqualTo("http://x/img/a.png");
        assertThat(uploaded.fileSize()).isEqualTo(3);
        FakeServer.Received request = server.requests.get(0);
        assertThat(request.path()).isEqualTo("/api/file-stream-upload");
        assertThat(request.header("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(request.text()).contains("name=\"file\"; filename=\"a.png\"", "Content-Type: image/png",
                "name=\"uploadPath\"\r\n\r\nimg\r\n", "name=\"fileName\"\r\n\r\na.png\r\n");
    }

    @Test
    void aStreamUploadWorksOnce() {
        server.answer(200, UPLOADED, java.util.Map.of());

        UploadedFile uploaded = client.uploadStream(new ByteArrayInputStream("abc".getBytes()), "img", null);

        assertThat(uploaded.fileName()).isEqualTo("a.png");
        assertThat(server.requests.get(0).text()).contains("abc").doesNotContain("name=\"fileName\"");
    }

    @Test
    void urlAndBase64UploadsSendJsonToTheUploadHost() {
        FakeServer uploadHost = new FakeServer();
        try {
            ReelgateClient split = TestClients.builder(server, new FakeSleeper()).uploadBaseUrl(uploadHost.url()).build();
            uploadHost.answer(200, UPLOADED, java.util.Map.of()).answer(200, UPLOADED, java.util.Map.of());

            split.uploadFromUrl(UrlUploadRequest.of("https://example.com/a.png", "img"));
            split.uploadBase64(Base64UploadRequest.ofBytes(new byte[] {1}, "image/png", "img").withFileName("b.png"));

            assertThat(uploadHost.requests.get(0).text())
                    .isEqualTo("{\"fileUrl\":\"https://example.com/a.png\",\"uploadPath\":\"img\"}");
            assertThat(uploadHost.requests.get(1).text())
                    .isEqualTo("{\"base64Data\":\"data:image/png;base64,AQ==\",\"uploadPath\":\"img\",\"fileName\":\"b.png\"}");
            assertThat(server.requests).isEmpty();
        } finally {
            uploadHost.close();
        }
    }

    @Test
    void downloadUrlReturnsTheLink() {
        server.ok("\"http://x/tmp/link\"");

        assertThat(client.downloadUrl("http://x/v.mp4")).isEqualTo("http://x/tmp/link");
        assertThat(server.requests.get(0).text()).isEqualTo("{\"url\":\"http://x/v.mp4\"}");
    }

    @Test
    void ledgerAndCallbacksAreTyped() {
        server.ok("[{\"taskId\":null,\"reason\":\"grant\",\"delta\":100,\"balanceAfter\":100,\"note\":\"hi\","
                + "\"createdAt\":\"2030-01-01T00:00:00Z\"}]")
                .ok("[{\"webhookId\":\"w\",\"taskId\":\"t\",\"url\":\"http://cb\",\"state\":\"delivered\",\"attempts\":1,"
                        + "\"nextAttemptAt\":null,\"lastStatus\":200,\"lastError\":null,\"createdAt\":\"c\",\"deliveredAt\":\"d\","
                        + "\"payload\":\"{}\",\"attemptLog\":[{\"attempt\":1,\"startedAt\":\"s\",\"durationMs\":5,"
                        + "\"httpStatus\":200,\"error\":null}]}]");

        assertThat(client.ledger()).singleElement().satisfies(e -> assertThat(e.balanceAfter()).isEqualTo(100));
        assertThat(client.callbackDeliveries("t")).singleElement()
                .satisfies(d -> assertThat(d.attemptLog().get(0).httpStatus()).isEqualTo(200));
    }
}
