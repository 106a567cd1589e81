package io.reelgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.client.model.AlephCallback;
import io.reelgate.client.model.RunwayCallback;
import io.reelgate.client.model.TaskCallback;
import org.junit.jupiter.api.Test;

class CallbackParserTest {

    @Test
    void runwaySuccess() {
        TaskCallback callback = CallbackParser.parse("{\"code\":200,\"msg\":\"All generated successfully.\",\"data\":"
                + "{\"task_id\":\"t\",\"video_id\":\"v\",\"video_url\":\"http://x/v.mp4\",\"image_url\":\"http://x/c.png\"}}");

        assertThat(callback).isEqualTo(new RunwayCallback(200, "All generated successfully.", "t", "v",
                "http://x/v.mp4", "http://x/c.png"));
        assertThat(callback.isSuccess()).isTrue();
    }

    @Test
    void runwayFailureHasEmptyUrls() {
        RunwayCallback callback = CallbackParser.parseRunway("{\"code\":400,\"msg\":\"Inappropriate content detected.\","
                + "\"data\":{\"task_id\":\"t\",\"video_id\":\"\",\"video_url\":\"\",\"image_url\":\"\"}}");

        assertThat(callback.isSuccess()).isFalse();
        assertThat(callback.taskId()).isEqualTo("t");
        assertThat(callback.videoUrl()).isEmpty();
    }

    @Test
    void extendCallbackMayOmitTheUrlsOnFailure() {
        RunwayCallback callback = CallbackParser.parseRunway("{\"code\":500,\"msg\":\"x\",\"data\":{\"task_id\":\"t\"}}");

        assertThat(callback.videoUrl()).isNull();
        assertThat(callback.code()).isEqualTo(500);
    }

    @Test
    void alephSuccessAndFailure() {
        AlephCallback ok = CallbackParser.parseAleph("{\"code\":200,\"msg\":\"success\",\"data\":{\"result_video_url\":"
                + "\"http://x/r.mp4\",\"result_image_url\":\"http://x/r.png\",\"task_id\":\"a\"},\"taskId\":\"a\"}");
        TaskCallback failed = CallbackParser.parse("{\"code\":400,\"msg\":\"moderated\",\"data\":null,\"taskId\":\"a\"}");

        assertThat(ok).isEqualTo(new AlephCallback(200, "success", "a", "http://x/r.mp4", "http://x/r.png"));
        assertThat(failed).isEqualTo(new AlephCallback(400, "moderated", "a", null, null));
    }

    @Test
    void rejectsBodiesThatAreNotCallbacks() {
        assertThatThrownBy(() -> CallbackParser.parse("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallbackParser.parse("{\"code\":200}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallbackParser.parseRunway("{\"code\":200,\"taskId\":\"a\",\"data\":null}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
