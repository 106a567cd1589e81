package io.reelgate.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.client.ReelgateClient;
import io.reelgate.client.errors.ValidationException;
import io.reelgate.client.model.Base64UploadRequest;
import io.reelgate.client.model.GenerateRequest;
import io.reelgate.client.model.TaskDetail;
import io.reelgate.client.model.UploadedFile;
import io.reelgate.client.model.UrlUploadRequest;
import io.reelgate.server.testsupport.EndToEndTest;
import io.reelgate.server.testsupport.ImageHost;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK's file uploads and download links against the real server; an upload feeds a generation. */
class SdkUploadEndToEndTest extends EndToEndTest {

    private static final byte[] PNG = ImageHost.png(320, 180);
    private ReelgateClient sdk;

    @TempDir
    Path dir;

    @BeforeEach
    void connect() throws Exception {
        sdk = ReelgateClient.builder().baseUrl(baseUrl()).apiKey(devKey())
                .pollingPolicy(SdkEndToEndTest.FAST_POLLING).build();
    }

    @Test
    void aStreamedFileBecomesTheStartImageOfAVideo() throws Exception {
        Path file = Files.write(dir.resolve("start.png"), PNG);

        UploadedFile uploaded = sdk.uploadStream(file, "sdk/images", "start.png");

        assertThat(uploaded.fileName()).isEqualTo("start.png");
        assertThat(uploaded.fileSize()).isEqualTo(PNG.length);
        assertThat(uploaded.mimeType()).isEqualTo("image/png");
        assertThat(uploaded.filePath()).endsWith("sdk/images/start.png");
        String taskId = sdk.generate(GenerateRequest.builder("zoom in slowly").imageUrl(uploaded.downloadUrl()).build());
        TaskDetail done = sdk.waitForCompletion(taskId, SdkEndToEndTest.TIMEOUT);
        assertThat(done.generateParam().imageUrl()).isEqualTo(uploaded.downloadUrl());

        String link = sdk.downloadUrl(done.videoUrl());
        assertThat(link).contains("signature=");
        assertThat(kie.download(link, dir.resolve("v.mp4")).statusCode()).isEqualTo(200);
    }

    @Test
    void base64AndInputStreamAndUrlUploads() {
        UploadedFile fromBase64 = sdk.uploadBase64(Base64UploadRequest.ofBytes(PNG, "image/png", "sdk").withFileName("b.png"));
        UploadedFile fromStream = sdk.uploadStream(new ByteArrayInputStream(PNG), "sdk", "s.png");
        ImageHost host = new ImageHost();
        try {
            UploadedFile fromUrl = sdk.uploadFromUrl(UrlUploadRequest.of(host.serve("/u.png", PNG), "sdk"));
            assertThat(fromUrl.fileSize()).isEqualTo(PNG.length);
        } finally {
            host.close();
        }

        assertThat(fromBase64.fileSize()).isEqualTo(PNG.length);
        assertThat(fromBase64.fileName()).isEqualTo("b.png");
        assertThat(fromStream.mimeType()).isEqualTo("image/png");
    }

    @Test
    void refusalsAreValidationErrors() {
        assertThatThrownBy(() -> sdk.uploadBase64(Base64UploadRequest.of("%%%not base64", "sdk")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.code()).isEqualTo(400));
        assertThatThrownBy(() -> sdk.downloadUrl("https://example.com/elsewhere.mp4"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.msg()).contains("url"));
    }
}
