package io.reelgate.server.api.kie;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.MultipartBody;
import io.reelgate.server.testsupport.TestDataDirs;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The multipart limits as the servlet container enforces them, on a server of its own with a 1 MB upload limit
 * (the shared end-to-end server keeps the 100 MB default) and HTTP statuses mirroring the envelope code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadLimitEndToEndTest {

    private static final Path DATA_DIR = TestDataDirs.fresh("reelgate-upload-limit-");
    private static final int LIMIT = 1024 * 1024;

    @LocalServerPort
    int port;

    KieHttp kie;

    @DynamicPropertySource
    static void smallLimit(DynamicPropertyRegistry registry) {
        registry.add("reelgate.data-dir", DATA_DIR::toString);
        registry.add("reelgate.upload.max-bytes", () -> "1MB");
        registry.add("reelgate.api.error-http-status", () -> "mirror");
    }

    @BeforeEach
    void connect() {
        kie = KieHttp.onLoopback(port, DATA_DIR);
    }

    @Test
    void aFileOverTheLimitIsAClear400() {
        KieHttp.Answer answer = stream(new byte[LIMIT + 200_000]);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("success").asBoolean()).isFalse();
        assertThat(answer.code()).isEqualTo(400);
        assertThat(answer.msg()).isEqualTo("File is larger than " + LIMIT + " bytes");
        assertThat(answer.data().isNull()).isTrue();
    }

    @Test
    void aFileOfExactlyTheLimitIsStored() {
        KieHttp.Answer answer = stream(new byte[LIMIT]);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.data().get("fileSize").asInt()).isEqualTo(LIMIT);
    }

    @Test
    void aBrokenMultipartBodyIsA400NotA500() {
        KieHttp.Answer answer = kie.post(UploadPaths.STREAM, "--x\r\nnonsense", "multipart/form-data; boundary=x");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("success").asBoolean()).isFalse();
        assertThat(answer.code()).isEqualTo(400);
    }

    @Test
    void aWrongKeyIsAnHttp401WithTheUploadMessage() {
        KieHttp.Answer answer = new KieHttp("http://127.0.0.1:" + port, "rg_wrong").postJson(UploadPaths.URL, "{}");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().get("success").asBoolean()).isFalse();
        assertThat(answer.msg()).isEqualTo("Authentication failed: Invalid API Key");
    }

    private KieHttp.Answer stream(byte[] content) {
        MultipartBody body = new MultipartBody().field("uploadPath", "limits")
                .file("file", "blob.bin", "application/octet-stream", content);
        return kie.send(kie.authorized(UploadPaths.STREAM).header("Content-Type", body.contentType())
                .POST(body.publisher()).build());
    }
}
