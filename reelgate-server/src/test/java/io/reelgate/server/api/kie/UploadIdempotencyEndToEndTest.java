package io.reelgate.server.api.kie;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.EndToEndTest;
import io.reelgate.server.testsupport.ImageHost;
import io.reelgate.server.testsupport.KieHttp.Answer;
import java.net.http.HttpRequest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on uploads: a retried upload answers the first file instead of storing a second one. */
class UploadIdempotencyEndToEndTest extends EndToEndTest {

    private final String body = "{\"base64Data\":\"" + Base64.getEncoder().encodeToString(ImageHost.png(20, 20))
            + "\",\"uploadPath\":\"retries\"}";

    @Test
    void theSameKeyReplaysTheFirstUploadAndAnotherBodyIsRefused() {
        Answer first = upload(body, "upload-1");
        Answer retry = upload(body, "upload-1");
        Answer other = upload(body.replace("\"retries\"", "\"elsewhere\""), "upload-1");

        assertThat(first.body().get("success").asBoolean()).isTrue();
        assertThat(retry.data().get("downloadUrl").asString()).isEqualTo(first.data().get("downloadUrl").asString());
        assertThat(retry.data().get("fileName").asString()).isEqualTo(first.data().get("fileName").asString());
        assertThat(other.body().get("success").asBoolean()).isFalse();
        assertThat(other.code()).isEqualTo(422);
        assertThat(other.msg()).startsWith("Idempotency-Key was already used with a different request");
    }

    @Test
    void withoutAKeyEveryUploadGetsItsOwnRandomName() {
        Answer a = upload(body, null);
        Answer b = upload(body, null);

        assertThat(a.data().get("downloadUrl").asString()).isNotEqualTo(b.data().get("downloadUrl").asString());
    }

    private Answer upload(String json, String key) {
        HttpRequest.Builder request = kie.authorized("/api/file-base64-upload").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return kie.send(request.build());
    }
}
