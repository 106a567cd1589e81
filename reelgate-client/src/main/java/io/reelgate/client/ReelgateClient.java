package io.reelgate.client;

import io.reelgate.client.errors.ServerException;
import io.reelgate.client.errors.TaskFailedException;
import io.reelgate.client.model.AlephDetail;
import io.reelgate.client.model.AlephRequest;
import io.reelgate.client.model.Base64UploadRequest;
import io.reelgate.client.model.CallbackDelivery;
import io.reelgate.client.model.ExtendRequest;
import io.reelgate.client.model.GenerateRequest;
import io.reelgate.client.model.LedgerEntry;
import io.reelgate.client.model.MarketRecord;
import io.reelgate.client.model.MarketTaskRequest;
import io.reelgate.client.model.TaskDetail;
import io.reelgate.client.model.TaskListParams;
import io.reelgate.client.model.TaskPage;
import io.reelgate.client.model.TaskView;
import io.reelgate.client.model.UploadedFile;
import io.reelgate.client.model.UrlUploadRequest;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * Client for Reelgate, the KIE.AI Runway API and KIE's Market jobs API. Thread-safe; build once with {@link #builder()} and share.
 *
 * <p>Every method has a blocking form and an {@code …Async} form returning a {@link CompletableFuture}. Errors
 * are unchecked {@link io.reelgate.client.errors.ReelgateException}s chosen by the envelope {@code code}; the
 * async forms complete exceptionally with the same types. Methods marked <em>Reelgate extension</em> throw
 * {@link IllegalStateException} when the client was built with {@code reelgateExtensions(false)}.
 */
public final class ReelgateClient {

    private final Transport transport;
    private final TaskWaiter waiter;
    private final boolean extensions;

    ReelgateClient(Transport transport, TaskWaiter waiter, boolean extensions) {
        this.transport = transport;
        this.waiter = waiter;
        this.extensions = extensions;
    }

    public static ReelgateClientBuilder builder() {
        return new ReelgateClientBuilder();
    }

    /** Submits a Runway text/image-to-video task; returns its taskId. */
    public String generate(GenerateRequest request) {
        return Futures.join(generateAsync(request));
    }

    public CompletableFuture<String> generateAsync(GenerateRequest request) {
        return submit("/api/v1/runway/generate", request);
    }

    /** Submits an extension of a finished Runway video; returns the new task's id. */
    public String extend(ExtendRequest request) {
        return Futures.join(extendAsync(request));
    }

    public CompletableFuture<String> extendAsync(ExtendRequest request) {
        return submit("/api/v1/runway/extend", request);
    }

    /** Submits an Aleph video-to-video task; returns its taskId. */
    public String alephGenerate(AlephRequest request) {
        return Futures.join(alephGenerateAsync(request));
    }

    public CompletableFuture<String> alephGenerateAsync(AlephRequest request) {
        return submit("/api/v1/aleph/generate", request);
    }

    /** The current detail of a Runway generate or extend task. */
    public TaskDetail recordDetail(String taskId) {
        return Futures.join(recordDetailAsync(taskId));
    }

    public CompletableFuture<TaskDetail> recordDetailAsync(String taskId) {
        return get("/api/v1/runway/record-detail?taskId=" + Urls.encode(taskId), TaskDetail.class);
    }

    /** The current detail of an Aleph task. */
    public AlephDetail alephRecordInfo(String taskId) {
        return Futures.join(alephRecordInfoAsync(taskId));
    }

    public CompletableFuture<AlephDetail> alephRecordInfoAsync(String taskId) {
        return get("/api/v1/aleph/record-info?taskId=" + Urls.encode(taskId), AlephDetail.class);
    }

    /** The remaining credits of the calling key. */
    public long credits() {
        return Futures.join(creditsAsync());
    }

    public CompletableFuture<Long> creditsAsync() {
        return transport.send(Call.get("/api/v1/chat/credit")).thenApply(JsonNode::asLong);
    }

    /** A short-lived (20 min) download link for a generated file URL (docs/kie-contract.md, "Download URL"). */
    public String downloadUrl(String url) {
        return Futures.join(downloadUrlAsync(url));
    }

    public CompletableFuture<String> downloadUrlAsync(String url) {
        return transport.send(Call.postJson("/api/v1/common/download-url", Json.write(Map.of("url", url)), true))
                .thenApply(JsonNode::asString);
    }

    /** Uploads a file from disk (multipart); retried like a read, since the file can be sent again. */
    public UploadedFile uploadStream(Path file, String uploadPath, String fileName) {
        return Futures.join(uploadStreamAsync(file, uploadPath, fileName));
    }

    public CompletableFuture<UploadedFile> uploadStreamAsync(Path file, String uploadPath, String fileName) {
        return Uploads.fromFile(transport, file, uploadPath, fileName);
    }

    /** Uploads a stream (multipart). The stream can be read only once, so this upload is never retried. */
    public UploadedFile uploadStream(InputStream content, String uploadPath, String fileName) {
        return Futures.join(uploadStreamAsync(content, uploadPath, fileName));
    }

    public CompletableFuture<UploadedFile> uploadStreamAsync(InputStream content, String uploadPath, String fileName) {
        return Uploads.fromStream(transport, content, uploadPath, fileName);
    }

    /** Has the server fetch a public URL and store it. */
    public UploadedFile uploadFromUrl(UrlUploadRequest request) {
        return Futures.join(uploadFromUrlAsync(request));
    }

    public CompletableFuture<UploadedFile> uploadFromUrlAsync(UrlUploadRequest request) {
        return Uploads.json(transport, "/api/file-url-upload", request);
    }

    /** Uploads base64 or data-URL content. */
    public UploadedFile uploadBase64(Base64UploadRequest request) {
        return Futures.join(uploadBase64Async(request));
    }

    public CompletableFuture<UploadedFile> uploadBase64Async(Base64UploadRequest request) {
        return Uploads.json(transport, "/api/file-base64-upload", request);
    }

    /** <em>Reelgate extension</em>: the newest (up to 100) credit changes of the calling key, newest first. */
    public List<LedgerEntry> ledger() {
        return Futures.join(ledgerAsync());
    }

    public CompletableFuture<List<LedgerEntry>> ledgerAsync() {
        requireExtensions("ledger");
        return transport.send(Call.get("/api/v1/account/ledger")).thenApply(d -> Json.list(d, LedgerEntry.class));
    }

    /** <em>Reelgate extension</em>: the callback deliveries of a task with every attempt. */
    public List<CallbackDelivery> callbackDeliveries(String taskId) {
        return Futures.join(callbackDeliveriesAsync(taskId));
    }

    public CompletableFuture<List<CallbackDelivery>> callbackDeliveriesAsync(String taskId) {
        requireExtensions("callbackDeliveries");
        return transport.send(Call.get("/api/v1/callbacks?taskId=" + Urls.encode(taskId)))
                .thenApply(d -> Json.list(d, CallbackDelivery.class));
    }

    /** <em>Reelgate extension</em>: sends a callback again now. */
    public CallbackDelivery redeliverCallback(String webhookId) {
        return Futures.join(redeliverCallbackAsync(webhookId));
    }

    public CompletableFuture<CallbackDelivery> redeliverCallbackAsync(String webhookId) {
        requireExtensions("redeliverCallback");
        // receivers must be idempotent anyway, so a repeated redelivery is harmless
        return transport.send(Call.postJson("/api/v1/callbacks/" + Urls.encode(webhookId) + "/redeliver", "{}", true))
                .thenApply(d -> Json.convert(d, CallbackDelivery.class));
    }

    /**
     * Polls record-detail until the task succeeded and returns its final detail.
     *
     * @throws TaskFailedException                           when the task failed
     * @throws io.reelgate.client.errors.TaskTimeoutException when it is still running after {@code timeout}
     */
    public TaskDetail waitForCompletion(String taskId, Duration timeout) {
        return Futures.join(waitForCompletionAsync(taskId, timeout, (previous, detail) -> { }));
    }

    /** As {@link #waitForCompletion(String, Duration)}, telling {@code listener} about every state change. */
    public TaskDetail waitForCompletion(String taskId, Duration timeout, TaskListener listener) {
        return Futures.join(waitForCompletionAsync(taskId, timeout, listener));
    }

    public CompletableFuture<TaskDetail> waitForCompletionAsync(String taskId, Duration timeout, TaskListener listener) {
        return waiter.awaitRunway(taskId, () -> recordDetailAsync(taskId), listener, timeout);
    }

    /** Reelgate extension: the native task view (kind, engine, progress, queue position, timestamps, expiry). */
    public TaskView taskView(String taskId) {
        return Futures.join(taskViewAsync(taskId));
    }

    public CompletableFuture<TaskView> taskViewAsync(String taskId) {
        requireExtensions("taskView");
        return get("/api/v1/tasks/" + Urls.encode(taskId), TaskView.class);
    }

    /**
     * Reelgate extension: one page of this key's tasks, newest first, optionally filtered by state and kind. Useful to
     * find a task whose submit answer never arrived.
     */
    public TaskPage listTasks(TaskListParams params) {
        return Futures.join(listTasksAsync(params));
    }

    public CompletableFuture<TaskPage> listTasksAsync(TaskListParams params) {
        requireExtensions("listTasks");
        return get("/api/v1/tasks" + params.toQuery(), TaskPage.class);
    }

    /** Every task matching {@code params}, newest first, fetching further pages as the iteration reaches them. */
    public Iterable<TaskView> listAllTasks(TaskListParams params) {
        return () -> new Iterator<>() {
            private TaskPage page = listTasks(params);
            private int index;

            @Override
            public boolean hasNext() {
                while (index == page.tasks().size() && page.hasMore()) {
                    page = listTasks(params.withBefore(page.nextBefore()));
                    index = 0;
                }
                return index < page.tasks().size();
            }

            @Override
            public TaskView next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.tasks().get(index++);
            }
        };
    }

    /**
     * Reelgate extension: cancels an unfinished task (it ends in {@code fail}, refunded and called back); cancelling
     * twice answers the same, a finished task throws {@code ValidationException}. Never retried blindly: it is safe
     * to repeat, so a lost answer is simply asked again.
     */
    public TaskView cancel(String taskId) {
        return Futures.join(cancelAsync(taskId));
    }

    public CompletableFuture<TaskView> cancelAsync(String taskId) {
        requireExtensions("cancel");
        return transport.send(Call.postJson("/api/v1/tasks/" + Urls.encode(taskId) + "/cancel", "{}", true))
                .thenApply(d -> Json.convert(d, TaskView.class));
    }

    /**
     * Reelgate extension: the live stream of this key's task changes ({@code taskId} null for all of them), as a
     * {@link java.util.concurrent.Flow.Publisher}. Reconnects by itself with {@code Last-Event-ID}; close it when done.
     */
    public TaskStream streamTasks(String taskId) {
        requireExtensions("streamTasks");
        return new TaskStream(transport, "/api/v1/tasks/stream" + (taskId == null ? "" : "?taskId=" + Urls.encode(taskId)))
                .start();
    }

    /** Polls Aleph record-info until {@code successFlag} is 1; throws {@link TaskFailedException} on failure. */
    public AlephDetail waitForAleph(String taskId, Duration timeout) {
        return Futures.join(waitForAlephAsync(taskId, timeout));
    }

    public CompletableFuture<AlephDetail> waitForAlephAsync(String taskId, Duration timeout) {
        return waiter.awaitAleph(taskId, () -> alephRecordInfoAsync(taskId), timeout);
    }

    /** KIE Market API: submits a task for a registry model ({@code POST /api/v1/jobs/createTask}); returns its taskId. */
    public String createTask(MarketTaskRequest request) {
        return Futures.join(createTaskAsync(request));
    }

    public CompletableFuture<String> createTaskAsync(MarketTaskRequest request) {
        return submit("/api/v1/jobs/createTask", request);
    }

    /** KIE Market API: the task's record ({@code GET /api/v1/jobs/recordInfo}). */
    public MarketRecord recordInfo(String taskId) {
        return Futures.join(recordInfoAsync(taskId));
    }

    public CompletableFuture<MarketRecord> recordInfoAsync(String taskId) {
        return get("/api/v1/jobs/recordInfo?taskId=" + Urls.encode(taskId), MarketRecord.class);
    }

    /**
     * Polls recordInfo until the Market task succeeded and returns its final record.
     *
     * @throws TaskFailedException                           when the task failed
     * @throws io.reelgate.client.errors.TaskTimeoutException when it is still running after {@code timeout}
     */
    public MarketRecord waitForMarketTask(String taskId, Duration timeout) {
        return Futures.join(waitForMarketTaskAsync(taskId, timeout));
    }

    public CompletableFuture<MarketRecord> waitForMarketTaskAsync(String taskId, Duration timeout) {
        return waiter.awaitMarket(taskId, () -> recordInfoAsync(taskId), timeout);
    }

    private CompletableFuture<String> submit(String path, Object body) {
        Call call = Call.postJson(path, Json.write(body), false);
        if (extensions) {
            // one key per logical call, reused by every retry: the server runs the task at most once
            call = call.withHeader("Idempotency-Key", UUID.randomUUID().toString()).asRepeatable();
        }
        return transport.send(call).thenApply(data -> {
            String taskId = data.path("taskId").asString(null);
            if (taskId == null || taskId.isEmpty()) {
                throw new ServerException(500, "the answer carries no taskId: " + data);
            }
            return taskId;
        });
    }

    private <T> CompletableFuture<T> get(String path, Class<T> type) {
        return transport.send(Call.get(path)).thenApply(d -> Json.convert(d, type));
    }

    private void requireExtensions(String method) {
        if (!extensions) {
            throw new IllegalStateException(method + " is a Reelgate extension; this client talks plain KIE");
        }
    }
}
