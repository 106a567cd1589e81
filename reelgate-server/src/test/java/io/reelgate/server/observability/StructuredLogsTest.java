package io.reelgate.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.ServerProcess;
import io.reelgate.server.testsupport.TestDataDirs;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code logging.structured.format.console=ecs} (or {@code logstash}) turns the console into one JSON object per
 * line, and every line about a task carries its fields: taskId, apiKeyId (the key's id, never the key), dialect,
 * model, engine and the trace id of the task's trace. A separate server process, because the logging system is the
 * JVM's, and its console is what an operator's log collector reads.
 */
class StructuredLogsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @ParameterizedTest
    @ValueSource(strings = {"ecs", "logstash"})
    void everyLineAboutATaskIsJsonWithTheTasksFieldsAndTraceId(String format) throws Exception {
        Path dataDir = TestDataDirs.fresh("reelgate-json-logs-");
        Path log = dataDir.resolve("server.log");
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        try (ServerProcess server = ServerProcess.start(dataDir, log, "--logging.structured.format.console=" + format)) {
            AdminHttp.Key created = new AdminHttp(server.baseUrl(), dataDir).createKey("json-logs", 1000);
            String key = created.secret();
            KieHttp kie = new KieHttp(server.baseUrl(), key);
            KieHttp.Answer submitted = kie.send(kie.authorized("/api/v1/runway/generate")
                    .header("Content-Type", "application/json")
                    .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"prompt":"json logs: a lighthouse","duration":5,"quality":"720p","aspectRatio":"16:9",
                             "model":"runway-duration-5-generate"}""")).build());
            String taskId = submitted.data().get("taskId").asString();
            assertThat(kie.awaitTerminal(taskId, TIMEOUT).get("state").asString()).isEqualTo("success");

            List<JsonNode> taskLines = Await.until(TIMEOUT, "the success line of task " + taskId + " logged",
                    () -> linesAbout(server.logText(), taskId),
                    lines -> lines.stream().anyMatch(l -> l.get("message").asString().contains("-> success")));
            // accepted into the queue, claimed, running on the engine, succeeded: all with the same fields
            assertThat(taskLines).hasSizeGreaterThanOrEqualTo(3);
            assertThat(taskLines).allSatisfy(line -> {
                assertThat(line.get("taskId").asString()).isEqualTo(taskId);
                assertThat(line.get("apiKeyId").asString()).isEqualTo(created.id());
                assertThat(line.get("dialect").asString()).isEqualTo("kie-runway");
                assertThat(line.get("model").asString()).isEqualTo("runway-duration-5-generate");
                assertThat(line.get("engine").asString()).isEqualTo("preview");
                assertThat(line.get("traceId").asString()).isEqualTo(traceId);
                assertThat(line.toString()).doesNotContain(key);
            });
            assertThat(taskLines).anySatisfy(line -> assertThat(line.get("message").asString()).contains("running on engine"));
        }
    }

    /** The JSON lines whose taskId field is this task; other output (JVM warnings, FFmpeg) is not JSON and skipped. */
    private static List<JsonNode> linesAbout(String log, String taskId) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (!line.startsWith("{")) {
                continue;
            }
            try {
                JsonNode json = JSON.readTree(line);
                if (json.has("taskId") && json.get("taskId").asString().equals(taskId)) {
                    lines.add(json);
                }
            } catch (JacksonException e) {
                // a line that merely starts with a brace
            }
        }
        return lines;
    }
}
