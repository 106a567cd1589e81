package io.reelgate.server.api.kie.runway;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.account.ApiKeyAuthenticator;
import io.reelgate.server.task.AlephRequest;
import io.reelgate.server.task.GenerateRequest;
import io.reelgate.server.task.SubmitOptions;
import io.reelgate.server.task.TaskService;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.EndToEndTest;
import io.reelgate.server.testsupport.KieHttp.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A task is read back only through the dialect that accepted it: tasks of another dialect (submitted through the
 * service, as a future dialect's controller would) are "not found" on the KIE Runway endpoints exactly like another
 * key's, while Reelgate's own task view and list show every task with its {@code dialect}.
 */
class ForeignDialectEndToEndTest extends EndToEndTest {

    /** A dialect no package serves: no endpoint reads it back and no renderer shapes its callback. */
    private static final String FOREIGN = "test-foreign";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    TaskService tasks;

    @Autowired
    ApiKeyAuthenticator keys;

    private String keyId;

    @BeforeEach
    void findDevKeyId() throws Exception {
        keyId = keys.authenticate(devKey()).orElseThrow().id();
    }

    @Test
    void kieRunwayEndpointsAnswerNotFoundForAnotherDialectsTask() {
        String generated = tasks.submitGenerate(keyId, FOREIGN,
                new GenerateRequest("p", null, "1:1", 5, "720p", "", null, null, false), SubmitOptions.NONE);
        String aleph = tasks.submitAleph(keyId, FOREIGN, new AlephRequest("p", "http://127.0.0.1:9/source.mp4", null,
                "", false, null, null, null, "{}"), SubmitOptions.NONE);
        // a finished generate: were the dialect ignored, extend would accept it instead of answering not found
        awaitState(generated, "success");

        Answer detail = kie.get("/api/v1/runway/record-detail?taskId=" + generated);
        Answer info = kie.get("/api/v1/aleph/record-info?taskId=" + aleph);
        Answer extend = kie.postJson("/api/v1/runway/extend",
                "{\"taskId\":\"" + generated + "\",\"prompt\":\"p\",\"quality\":\"720p\"}");

        assertThat(detail.code()).isEqualTo(404);
        assertThat(detail.msg()).isEqualTo("Task not found: " + generated);
        assertThat(info.code()).isEqualTo(404);
        assertThat(info.msg()).isEqualTo("Task not found: " + aleph);
        assertThat(extend.code()).isEqualTo(404);
        assertThat(extend.msg()).isEqualTo("Task not found: " + generated);
    }

    @Test
    void reelgateTaskViewAndListShowEveryTaskWithItsDialect() {
        String foreign = tasks.submitGenerate(keyId, FOREIGN,
                new GenerateRequest("p", null, "1:1", 5, "720p", "", null, null, false), SubmitOptions.NONE);
        String kieTask = kie.generate("{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");

        assertThat(kie.get("/api/v1/tasks/" + foreign).data().get("dialect").asString()).isEqualTo(FOREIGN);
        assertThat(kie.get("/api/v1/tasks/" + kieTask).data().get("dialect").asString()).isEqualTo("kie-runway");
        List<String> listed = new ArrayList<>();
        for (JsonNode view : kie.get("/api/v1/tasks?limit=100").data().get("tasks")) {
            listed.add(view.get("taskId").asString() + " " + view.get("dialect").asString());
        }
        assertThat(listed).contains(foreign + " " + FOREIGN, kieTask + " kie-runway");
    }

    @Test
    void aTaskOfADialectWithoutCallbackRendererFinishesWithoutACallback() {
        // nothing listens there: a KIE-shaped body sent for a foreign task would show up as a failing delivery
        String foreign = tasks.submitGenerate(keyId, FOREIGN, new GenerateRequest("p", null, "1:1", 5, "720p", "",
                "http://127.0.0.1:9/callback", null, false), SubmitOptions.NONE);

        awaitState(foreign, "success");

        assertThat(kie.get("/api/v1/callbacks?taskId=" + foreign).data()).isEmpty();
    }

    private void awaitState(String taskId, String state) {
        Await.until(TIMEOUT, "task " + taskId + " in state " + state,
                () -> kie.get("/api/v1/tasks/" + taskId).data().get("state").asString().equals(state));
    }
}
