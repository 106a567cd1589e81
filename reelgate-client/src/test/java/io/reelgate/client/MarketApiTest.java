package io.reelgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.client.errors.TaskFailedException;
import io.reelgate.client.model.MarketRecord;
import io.reelgate.client.model.MarketState;
import io.reelgate.client.model.MarketTaskRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** KIE's Market jobs API through the SDK: createTask over a model id and input map, recordInfo, waiting. */
class MarketApiTest extends FakeServerTest {

    /** The documented recordInfo success example (docs/compatibility.md, "KIE Market jobs"), verbatim apart from the ids. */
    static final String SUCCESS = """
            {"taskId":"task_12345678","model":"kling-2.6/text-to-video","state":"success",
             "param":"{\\"model\\":\\"kling-2.6/text-to-video\\",\\"input\\":{\\"prompt\\":\\"a fox\\"}}",
             "resultJson":"{\\"resultUrls\\":[\\"https://example.com/out.mp4\\"]}",
             "failCode":"","failMsg":"","costTime":8,
             "completeTime":1698765432000,"createTime":1698765400000,"updateTime":1698765432000,
             "creditsConsumed":55}""";


    static String running(String state) {
        return "{\"taskId\":\"task_12345678\",\"model\":\"kling-2.6/text-to-video\",\"state\":\"" + state + "\","
                + "\"param\":\"{}\",\"resultJson\":\"\",\"failCode\":\"\",\"failMsg\":\"\",\"costTime\":null,"
                + "\"completeTime\":null,\"createTime\":1698765400000,\"updateTime\":1698765400000,\"creditsConsumed\":0}";
    }

    @Test
    void createTaskSendsTheModelTheCallbackAndTheInputAsGiven() throws Exception {
        server.ok("{\"taskId\":\"task_12345678\"}");
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("prompt", "a fox in the snow");
        input.put("duration", "5");
        input.put("sound", false);

        String taskId = client.createTask(MarketTaskRequest.of("kling-2.6/text-to-video", input)
                .withCallBackUrl("https://app.example/cb"));

        assertThat(taskId).isEqualTo("task_12345678");
        FakeServer.Received sent = server.requests.get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/api/v1/jobs/createTask");
        assertThat(JsonMapper.builder().build().readTree(sent.text())).isEqualTo(JsonMapper.builder().build().readTree(
                "{\"model\":\"kling-2.6/text-to-video\",\"callBackUrl\":\"https://app.example/cb\","
                        + "\"input\":{\"prompt\":\"a fox in the snow\",\"duration\":\"5\",\"sound\":false}}"));
    }

    @Test
    void recordInfoReadsTheDocumentedRecordAndDecodesTheResultString() {
        server.ok(SUCCESS);

        MarketRecord record = client.recordInfo("task_12345678");

        assertThat(server.requests.get(0).path()).isEqualTo("/api/v1/jobs/recordInfo?taskId=task_12345678");
        assertThat(record.state()).isEqualTo(MarketState.SUCCESS);
        assertThat(record.resultUrls()).containsExactly("https://example.com/out.mp4");
        assertThat(record.videoUrl()).isEqualTo("https://example.com/out.mp4");
        assertThat(record.creditsConsumed()).isEqualTo(55.0);
        assertThat(record.completeTime()).isEqualTo(1698765432000L);
        assertThat(record.numericFailCode()).isNull();
    }

    @Test
    void waitingPollsUntilSuccess() {
        server.ok(running("waiting")).ok(running("queuing")).ok(running("generating")).ok(SUCCESS);

        MarketRecord done = client.waitForMarketTask("task_12345678", Duration.ofMinutes(5));

        assertThat(done.isSuccess()).isTrue();
        assertThat(server.requests).hasSize(4);
        assertThat(sleeper.sleeps).hasSize(3);
    }

    @Test
    void aFailedTaskThrowsWithItsFailCodeAndMessage() {
        server.ok(running("generating")).ok("{\"taskId\":\"task_1\",\"model\":\"m\",\"state\":\"fail\",\"param\":\"{}\","
                + "\"resultJson\":\"\",\"failCode\":\"501\",\"failMsg\":\"The generation task failed.\","
                + "\"completeTime\":1,\"createTime\":1,\"updateTime\":1,\"creditsConsumed\":0}");

        assertThatThrownBy(() -> client.waitForMarketTask("task_1", Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                    assertThat(e.failCode()).isEqualTo(501);
                    assertThat(e.failMsg()).isEqualTo("The generation task failed.");
                    assertThat(e.marketRecord().state()).isEqualTo(MarketState.FAIL);
                });
    }
}
