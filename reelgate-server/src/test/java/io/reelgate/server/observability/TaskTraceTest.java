package io.reelgate.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.CallbackReceiver;
import io.reelgate.server.testsupport.FakeRunway;
import io.reelgate.server.testsupport.KieHttp.Answer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One trace per task, read back from the in-memory span exporter behind the same batch processor an OTLP exporter
 * uses: the client's {@code traceparent} is the root, the request's server span its child, the submit span under
 * that, and claim, engine run or upstream submit, every poll, the result collection and every callback attempt are
 * all spans of the same trace carrying the task id; the task view shows the trace id, and the callback request
 * carries the attempt span as its {@code traceparent}.
 */
class TaskTraceTest extends ObservedServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final AttributeKey<String> TASK_ID = AttributeKey.stringKey("task.id");

    @Test
    void upstreamTaskIsOneTraceUnderTheClientsTraceparentFromSubmitToCallback() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String clientSpanId = "00f067aa0ba902b7";
        String upstreamId = "0b5e7a4c-0000-4000-8000-0000000007ac";
        RUNWAY.acceptCreate("text_to_video", "trace: upstream", upstreamId);
        RUNWAY.taskAnswers(upstreamId, FakeRunway.running(upstreamId, 0.5), RUNWAY.succeeded(upstreamId));
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            String taskId = submit("{\"prompt\":\"trace: upstream\",\"duration\":5,\"quality\":\"720p\","
                    + "\"aspectRatio\":\"16:9\",\"callBackUrl\":\"" + receiver.url("/hook") + "\"}",
                    "00-" + traceId + "-" + clientSpanId + "-01");
            assertThat(kie.awaitTerminal(taskId, TIMEOUT).get("state").asString()).isEqualTo("success");
            String callbackTraceparent = receiver.await("/hook", 1, TIMEOUT).get(0).headers().get("traceparent");

            List<SpanData> trace = awaitSpans(traceId, "reelgate.callback.attempt");
            SpanData server = single(trace, s -> s.getKind() == SpanKind.SERVER
                    && s.getName().contains("/api/v1/runway/generate"));
            assertThat(server.getParentSpanId()).isEqualTo(clientSpanId);
            SpanData submit = named(trace, "reelgate.submit").get(0);
            assertThat(submit.getParentSpanId()).isEqualTo(server.getSpanId());
            for (String name : List.of("reelgate.claim", "reelgate.upstream.submit", "reelgate.callback.attempt")) {
                assertThat(named(trace, name)).as(name).singleElement()
                        .satisfies(s -> assertThat(s.getParentSpanId()).isEqualTo(submit.getSpanId()));
            }
            List<SpanData> polls = named(trace, "reelgate.upstream.poll");
            assertThat(polls).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(p -> assertThat(p.getParentSpanId()).isEqualTo(submit.getSpanId()));
            // the result is brought home inside the poll that found the upstream task succeeded or, when collection
            // runs on threads of its own, directly under the submit span: either way in the task's trace
            SpanData collect = named(trace, "reelgate.result.collect").get(0);
            Set<String> collectParents = polls.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
            collectParents.add(submit.getSpanId());
            assertThat(collectParents).as("parent of the collection").contains(collect.getParentSpanId());
            assertThat(trace.stream().filter(s -> s.getName().startsWith("reelgate.")))
                    .allSatisfy(s -> assertThat(s.getAttributes().get(TASK_ID)).as(s.getName()).isEqualTo(taskId));

            assertThat(kie.get("/api/v1/tasks/" + taskId).data().get("traceId").asString()).isEqualTo(traceId);
            SpanData attempt = named(trace, "reelgate.callback.attempt").get(0);
            assertThat(callbackTraceparent).isEqualTo("00-" + traceId + "-" + attempt.getSpanId() + "-01");
        }
    }

    @Test
    void localRenderWithoutTraceparentStartsItsOwnTraceWithEngineRunAndCollection() {
        String taskId = submit("{\"prompt\":\"trace: local\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\","
                + "\"model\":\"" + PREVIEW_MODEL + "\"}", null);
        assertThat(kie.awaitTerminal(taskId, TIMEOUT).get("state").asString()).isEqualTo("success");
        String traceId = kie.get("/api/v1/tasks/" + taskId).data().get("traceId").asString();
        assertThat(traceId).matches("[0-9a-f]{32}");

        List<SpanData> trace = awaitSpans(traceId, "reelgate.result.collect");
        SpanData submit = named(trace, "reelgate.submit").get(0);
        assertThat(submit.getAttributes().get(TASK_ID)).isEqualTo(taskId);
        SpanData run = named(trace, "reelgate.engine.run").get(0);
        assertThat(run.getParentSpanId()).isEqualTo(submit.getSpanId());
        assertThat(named(trace, "reelgate.claim").get(0).getParentSpanId()).isEqualTo(submit.getSpanId());
        assertThat(named(trace, "reelgate.result.collect").get(0).getParentSpanId()).isEqualTo(run.getSpanId());
        assertThat(named(trace, "reelgate.upstream.poll")).isEmpty();
    }

    @Test
    void aClientsUnsampledTraceIsKeptWithTheTaskButNothingIsExported() {
        String traceId = "5bf92f3577b34da6a3ce929d0e0e4737";
        String taskId = submit("{\"prompt\":\"trace: unsampled\",\"duration\":5,\"quality\":\"720p\","
                + "\"aspectRatio\":\"1:1\",\"model\":\"" + PREVIEW_MODEL + "\"}", "00-" + traceId + "-00f067aa0ba902b8-00");
        assertThat(kie.awaitTerminal(taskId, TIMEOUT).get("state").asString()).isEqualTo("success");

        assertThat(kie.get("/api/v1/tasks/" + taskId).data().get("traceId").asString()).isEqualTo(traceId);
        // a sampled task finished after it has had its spans exported by now; this one has none
        String later = submit("{\"prompt\":\"trace: sampled after unsampled\",\"duration\":5,\"quality\":\"720p\","
                + "\"aspectRatio\":\"1:1\",\"model\":\"" + PREVIEW_MODEL + "\"}", null);
        kie.awaitTerminal(later, TIMEOUT);
        awaitSpans(kie.get("/api/v1/tasks/" + later).data().get("traceId").asString(), "reelgate.result.collect");
        assertThat(spans.getFinishedSpanItems()).noneMatch(s -> s.getTraceId().equals(traceId));
    }

    @Test
    void theConsolesFailureListLinksEachFailedTaskToItsTrace() {
        String taskId = submit("{\"prompt\":\"trace: failing\",\"duration\":5,\"quality\":\"720p\",\"imageUrl\":\""
                + RUNWAY.baseUrl() + "/no-such-image.png\",\"model\":\"" + PREVIEW_MODEL + "\"}", null);
        assertThat(kie.awaitTerminal(taskId, TIMEOUT).get("state").asString()).isEqualTo("fail");
        String traceId = kie.get("/api/v1/tasks/" + taskId).data().get("traceId").asString();

        JsonNode failures = new AdminHttp("http://127.0.0.1:" + port, DATA_DIR).get("/admin/api/failures?limit=500").data();
        JsonNode mine = java.util.stream.StreamSupport.stream(failures.spliterator(), false)
                .filter(f -> f.get("taskId").asString().equals(taskId)).findFirst().orElseThrow();

        assertThat(mine.get("traceId").asString()).isEqualTo(traceId);
        assertThat(mine.get("traceUrl").asString()).isEqualTo("https://tempo.example/trace/" + traceId);
    }

    private String submit(String json, String traceparent) {
        HttpRequest.Builder request = kie.authorized("/api/v1/runway/generate")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        Answer answer = kie.send(request.build());
        assertThat(answer.code()).as(answer.body().toString()).isEqualTo(200);
        return answer.data().get("taskId").asString();
    }

    /** The spans of one trace, once the batch processor has exported the one named {@code last}. */
    private List<SpanData> awaitSpans(String traceId, String last) {
        return Await.until(TIMEOUT, "span " + last + " of trace " + traceId + " exported",
                () -> spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList(),
                trace -> trace.stream().anyMatch(s -> s.getName().equals(last)));
    }

    private static List<SpanData> named(List<SpanData> trace, String name) {
        return trace.stream().filter(s -> s.getName().equals(name)).toList();
    }

    private static SpanData single(List<SpanData> trace, java.util.function.Predicate<SpanData> which) {
        List<SpanData> matching = trace.stream().filter(which).toList();
        Set<String> names = trace.stream().map(SpanData::getName).collect(Collectors.toSet());
        assertThat(matching).as("one matching span among %s", names).hasSize(1);
        return matching.get(0);
    }
}
