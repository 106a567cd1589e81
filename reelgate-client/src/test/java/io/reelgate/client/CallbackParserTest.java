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

    /** The documented wan/3-0-video callback, with its double-encoded param and null fail fields. */
    @Test
    void marketCallbackCarriesTheRecord() {
        TaskCallback callback = CallbackParser.parse("{\"code\":200,\"msg\":\"Playground task completed successfully.\","
                + "\"data\":{\"taskId\":\"bd8f4b1a52048d0f17a38b49591abfa1\",\"model\":\"wan/3-0-video\","
                + "\"state\":\"success\",\"param\":\"{\\\"input\\\":\\\"{}\\\"}\","
                + "\"resultJson\":\"{\\\"resultUrls\\\":[\\\"https://x/out.mp4\\\"]}\",\"failCode\":null,"
                + "\"failMsg\":null,\"costTime\":89,\"completeTime\":1787567409000,\"createTime\":1787567320000,"
                + "\"updateTime\":1787567409000,\"creditsConsumed\":61}}");

        assertThat(callback).isInstanceOfSatisfying(io.reelgate.client.model.MarketCallback.class, market -> {
            assertThat(market.taskId()).isEqualTo("bd8f4b1a52048d0f17a38b49591abfa1");
            assertThat(market.isSuccess()).isTrue();
            assertThat(market.record().videoUrl()).isEqualTo("https://x/out.mp4");
            assertThat(market.record().creditsConsumed()).isEqualTo(61.0);
        });
    }
}
