package io.reelgate.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.client.model.AlephDetail;
import io.reelgate.client.model.TaskDetail;
import io.reelgate.client.model.TaskState;
import org.junit.jupiter.api.Test;

class ModelParsingTest {

    private static TaskDetail detail(String failCode) {
        return Json.convert(Json.read(WaitForCompletionTest.detail("fail", failCode, "m", "null")), TaskDetail.class);
    }

    @Test
    void failCodeIsNullWhenTheServiceSendsAnEmptyString() {
        assertThat(detail("\"\"").failCode()).isNull();
    }

    @Test
    void failCodeIsReadAsIntOrNumericString() {
        assertThat(detail("400").failCode()).isEqualTo(400);
        assertThat(detail("\"400\"").failCode()).isEqualTo(400);
        assertThat(detail("null").failCode()).isNull();
    }

    @Test
    void theFullDocumentedDetailIsMirrored() {
        TaskDetail d = Json.convert(Json.read(WaitForCompletionTest.detail("success", "\"\"", "",
                "{\"videoId\":\"v\",\"taskId\":\"t\",\"videoUrl\":\"u\",\"imageUrl\":\"i\"}")), TaskDetail.class);

        assertThat(d.taskId()).isEqualTo("t");
        assertThat(d.parentTaskId()).isEmpty();
        assertThat(d.generateParam().prompt()).isEqualTo("p");
        assertThat(d.generateTime()).isEqualTo("2030-01-01 00:00:00");
        assertThat(d.videoInfo()).isEqualTo(new TaskDetail.VideoInfo("v", "t", "u", "i"));
        assertThat(d.expireFlag()).isZero();
        assertThat(d.isSuccess()).isTrue();
    }

    @Test
    void unknownStatesAndExtraFieldsDoNotBreakParsing() {
        String json = WaitForCompletionTest.detail("rendering", "\"\"", "", "null").replace("{\"taskId\"", "{\"newField\":1,\"taskId\"");

        TaskDetail d = Json.convert(Json.read(json), TaskDetail.class);

        assertThat(d.state()).isEqualTo(TaskState.UNKNOWN);
        assertThat(d.state().isTerminal()).isFalse();
    }

    @Test
    void alephFlagsOfSisterApisCountAsFailure() {
        AlephDetail nullMessage = new AlephDetail("a", "{}", null, null, null, 0, null, "null");
        AlephDetail flagThree = new AlephDetail("a", "{}", null, null, null, 3, 500, "");
        AlephDetail running = new AlephDetail("a", "{}", null, null, null, 0, 0, "");

        assertThat(nullMessage.isRunning()).isTrue();
        assertThat(flagThree.isFailed()).isTrue();
        assertThat(running.isRunning()).isTrue();
    }
}
