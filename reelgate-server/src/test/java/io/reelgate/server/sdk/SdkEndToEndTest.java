package io.reelgate.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.client.PollingPolicy;
import io.reelgate.client.ReelgateAdminClient;
import io.reelgate.client.ReelgateClient;
import io.reelgate.client.errors.InsufficientCreditsException;
import io.reelgate.client.errors.NotFoundException;
import io.reelgate.client.errors.TaskFailedException;
import io.reelgate.client.errors.ValidationException;
import io.reelgate.client.model.AlephDetail;
import io.reelgate.client.model.AlephRequest;
import io.reelgate.client.model.ExtendRequest;
import io.reelgate.client.model.GenerateRequest;
import io.reelgate.client.model.TaskDetail;
import io.reelgate.client.model.TaskState;
import io.reelgate.server.testsupport.WithImageHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java SDK against the real server over HTTP: every call a user makes, and every error type they can meet. */
class SdkEndToEndTest extends WithImageHost {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Faster than the default 1 s → 10 s, so the suite does not idle between polls. */
    static final PollingPolicy FAST_POLLING = new PollingPolicy(Duration.ofMillis(150), Duration.ofSeconds(1), 1.5);

    private ReelgateClient sdk;

    @TempDir
    Path downloads;

    @BeforeEach
    void connect() throws Exception {
        sdk = client(devKey());
    }

    ReelgateClient client(String apiKey) {
        return ReelgateClient.builder().baseUrl(baseUrl()).apiKey(apiKey).pollingPolicy(FAST_POLLING).build();
    }

    private ReelgateAdminClient admin() {
        return ReelgateClient.builder().baseUrl(baseUrl())
                .buildAdmin(read(DATA_DIR.resolve("admin-token.txt")));
    }

    @Test
    void generateWaitsThroughEveryStateToAVideo() {
        List<TaskState> seen = new CopyOnWriteArrayList<>();
        String taskId = sdk.generate(GenerateRequest.builder("a lighthouse at dusk").aspectRatio("16:9").build());

        TaskDetail done = sdk.waitForCompletion(taskId, TIMEOUT, (previous, detail) -> seen.add(detail.state()));

        assertThat(done.state()).isEqualTo(TaskState.SUCCESS);
        assertThat(done.videoUrl()).startsWith("http");
        assertThat(done.videoInfo().imageUrl()).startsWith("http");
        assertThat(done.failCode()).isNull();
        assertThat(done.failMsg()).isEmpty();
        assertThat(done.parentTaskId()).isEmpty();
        assertThat(done.generateParam().prompt()).isEqualTo("a lighthouse at dusk");
        assertThat(seen).last().isEqualTo(TaskState.SUCCESS);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(kie.download(done.videoUrl(), downloads.resolve("v.mp4")).statusCode()).isEqualTo(200);
    }

    @Test
    void asyncGenerateThenExtend() {
        TaskDetail parent = sdk.generateAsync(GenerateRequest.builder("a paper boat").aspectRatio("1:1").build())
                .thenCompose(id -> sdk.waitForCompletionAsync(id, TIMEOUT, (p, d) -> { }))
                .join();

        String child = sdk.extend(ExtendRequest.of(parent.taskId(), "it sails away"));
        TaskDetail extended = sdk.waitForCompletion(child, TIMEOUT);

        assertThat(extended.parentTaskId()).isEqualTo(parent.taskId());
        assertThat(extended.videoUrl()).isNotEqualTo(parent.videoUrl()).startsWith("http");
    }

    @Test
    void alephTransformsAServedVideo() throws Exception {
        TaskDetail source = sdk.waitForCompletion(
                sdk.generate(GenerateRequest.builder("colourful kites").aspectRatio("16:9").build()), TIMEOUT);
        Path video = downloads.resolve("source.mp4");
        kie.download(source.videoUrl(), video);
        String sourceUrl = host.serve("/sdk-source.mp4", Files.readAllBytes(video), "video/mp4");

        String taskId = sdk.alephGenerate(AlephRequest.builder("make it black and white", sourceUrl).seed(7L).build());
        AlephDetail done = sdk.waitForAleph(taskId, TIMEOUT);

        assertThat(done.isSuccess()).isTrue();
        assertThat(done.errorCode()).isZero();
        assertThat(done.resultVideoUrl()).startsWith("http");
        assertThat(done.paramJson()).contains("black and white");
        assertThat(sdk.alephRecordInfo(taskId).successFlag()).isEqualTo(1);
    }

    @Test
    void aFailingTaskThrowsTaskFailedWithFailCode400() {
        String taskId = sdk.generate(GenerateRequest.builder("p").imageUrl("http://127.0.0.1:9/x.png").build());

        assertThatThrownBy(() -> sdk.waitForCompletion(taskId, TIMEOUT))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                    assertThat(e.failCode()).isEqualTo(400);
                    assertThat(e.failMsg()).isNotBlank();
                    assertThat(e.taskDetail().state()).isEqualTo(TaskState.FAIL);
                });
        assertThat(sdk.recordDetail(taskId).failCode()).isEqualTo(400);
    }

    @Test
    void anAlephSourceThatIsNotAVideoFails() {
        String notVideo = host.serve("/sdk-notes.mp4", "not a video".getBytes(), "video/mp4");
        String taskId = sdk.alephGenerate(AlephRequest.builder("p", notVideo).build());

        assertThatThrownBy(() -> sdk.waitForAleph(taskId, TIMEOUT)).isInstanceOfSatisfying(TaskFailedException.class,
                e -> assertThat(e.failCode()).isEqualTo(400));
    }

    @Test
    void validationErrorsNameTheField() {
        assertThatThrownBy(() -> sdk.generate(GenerateRequest.builder("no ratio, no image").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo(422);
                    assertThat(e.msg()).contains("aspectRatio");
                });
        assertThatThrownBy(() -> sdk.generate(GenerateRequest.builder("p").aspectRatio("16:9").duration(7).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.msg()).contains("duration"));
    }

    @Test
    void unknownTasksAreNotFound() {
        assertThatThrownBy(() -> sdk.recordDetail("no-such-task")).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.code()).isEqualTo(404));
        assertThatThrownBy(() -> sdk.alephRecordInfo("no-such-task")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sdk.waitForCompletion("no-such-task", TIMEOUT)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void creditsLedgerAndInsufficientCredits() {
        ReelgateAdminClient admin = admin();
        var created = admin.createKey("sdk-credits", 100);
        ReelgateClient rich = client(created.secret());

        assertThat(rich.credits()).isEqualTo(100);
        String taskId = rich.generate(GenerateRequest.builder("p").aspectRatio("16:9").build());
        assertThat(rich.credits()).isLessThan(100);
        assertThat(rich.ledger()).extracting(e -> e.reason()).contains("grant", "charge");
        assertThat(rich.ledger()).anySatisfy(e -> assertThat(e.taskId()).isEqualTo(taskId));
        assertThat(rich.callbackDeliveries(taskId)).isEmpty();

        ReelgateClient poor = client(admin.createKey("sdk-poor", 0).secret());
        assertThatThrownBy(() -> poor.generate(GenerateRequest.builder("p").aspectRatio("16:9").build()))
                .isInstanceOfSatisfying(InsufficientCreditsException.class, e -> assertThat(e.code()).isEqualTo(402));
        assertThat(poor.credits()).isZero();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
