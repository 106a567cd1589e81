package io.reelgate.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.client.ReelgateClient;
import io.reelgate.client.TaskStream;
import io.reelgate.client.errors.ValidationException;
import io.reelgate.client.model.GenerateRequest;
import io.reelgate.client.model.TaskEvent;
import io.reelgate.client.model.TaskListParams;
import io.reelgate.client.model.TaskPage;
import io.reelgate.client.model.TaskView;
import io.reelgate.server.task.TaskEventHub;
import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.EndToEndTest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The SDK's Reelgate extensions over real HTTP: task view, cancel and the live stream as a Flow.Publisher. */
class SdkExtensionsEndToEndTest extends EndToEndTest {

    private static final Duration STREAM_TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    TaskEventHub hub;

    private ReelgateClient sdk() throws Exception {
        return ReelgateClient.builder().baseUrl(baseUrl()).apiKey(Files.readString(DATA_DIR.resolve("dev-api-key.txt")).trim())
                .build();
    }

    @Test
    void theStreamPublishesEveryStateOfATaskInOrder() throws Exception {
        ReelgateClient sdk = sdk();
        BlockingQueue<TaskEvent> events = new LinkedBlockingQueue<>();
        // streams of earlier tests are dropped at their next heartbeat; after that the only subscriber is ours
        Await.until(STREAM_TIMEOUT, "earlier streams closed", () -> hub.subscriberCount() == 0);
        try (TaskStream stream = sdk.streamTasks(null)) {
            stream.subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(TaskEvent item) {
                    events.add(item);
                }

                @Override
                public void onError(Throwable throwable) {
                }

                @Override
                public void onComplete() {
                }
            });
            // the SDK connects on its own thread: a task submitted before the server registered the stream would
            // publish its wait event to nobody
            Await.until(STREAM_TIMEOUT, "the SDK's stream is registered", () -> hub.subscriberCount() == 1);
            String taskId = sdk.generate(GenerateRequest.builder("sdk stream").aspectRatio("1:1").build());

            List<String> states = new ArrayList<>();
            long lastId = -1;
            while (true) {
                TaskEvent event = Await.next(events, Duration.ofSeconds(60), "an event within a minute");
                if (!event.taskId().equals(taskId)) {
                    continue;
                }
                assertThat(event.eventId()).isGreaterThan(lastId);
                lastId = event.eventId();
                if (states.isEmpty() || !states.get(states.size() - 1).equals(event.state())) {
                    states.add(event.state());
                }
                if (event.isTerminal()) {
                    break;
                }
            }
            assertThat(states).containsExactly("wait", "queueing", "generating", "success");
        }
    }

    @Test
    void listAllTasksWalksEveryPageNewestFirst() {
        String secret = new AdminHttp(baseUrl(), DATA_DIR).createKey("sdk-list", 1000).secret();
        ReelgateClient sdk = ReelgateClient.builder().baseUrl(baseUrl()).apiKey(secret).build();
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            submitted.add(sdk.generate(GenerateRequest.builder("sdk list " + i).aspectRatio("1:1").duration(5).build()));
        }
        List<String> listed = new ArrayList<>();
        for (TaskView task : sdk.listAllTasks(TaskListParams.all().withLimit(2))) {
            listed.add(task.taskId());
        }
        Collections.reverse(submitted);
        assertThat(listed).containsExactlyElementsOf(submitted);

        TaskPage first = sdk.listTasks(TaskListParams.all().withLimit(2).withKind("generate"));
        assertThat(first.tasks()).hasSize(2);
        assertThat(first.hasMore()).isTrue();
        assertThatThrownBy(() -> sdk.listTasks(TaskListParams.all().withState("finished")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("state");
    }

    @Test
    void taskViewAndCancelWorkThroughTheSdk() throws Exception {
        ReelgateClient sdk = sdk();
        String longTask = sdk.generate(GenerateRequest.builder("sdk cancel").aspectRatio("16:9").duration(10).build());

        TaskView cancelled = sdk.cancel(longTask);
        TaskView again = sdk.cancel(longTask);

        assertThat(cancelled.state()).isEqualTo("fail");
        assertThat(cancelled.failMsg()).isEqualTo("Task was cancelled");
        assertThat(again.state()).isEqualTo("fail");
        assertThat(sdk.taskView(longTask).kind()).isEqualTo("generate");
        String done = sdk.generate(GenerateRequest.builder("sdk done").aspectRatio("1:1").build());
        sdk.waitForCompletion(done, Duration.ofSeconds(90));
        assertThatThrownBy(() -> sdk.cancel(done)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("cannot be cancelled");
        assertThat(sdk.taskView(done).progress()).isEqualTo(100);
    }
}
