import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The "webhooks" scenario of bench/run.sh, a single-file program ({@code java WebhookBench.java FAKE_PORT DATA_DIR
 * COUNT RUN_MS SPREAD_MS GAP_MS WHSEC VIDEO_FILE}). It plays Replicate's predictions API on loopback (the shapes of
 * docs/engines.md "Replicate"): a create answers 201 {@code starting} with an id, {@code GET /v1/predictions/{id}}
 * answers {@code processing} until the run's end, then {@code succeeded} with an output URL served here; cancel
 * answers {@code canceled}. Run i of COUNT ends RUN_MS + i * SPREAD_MS / COUNT after its create (the spread, one poll
 * interval, puts the ends at every phase of the server's poll schedule). When the create carried a {@code webhook},
 * the completed prediction is POSTed to it at the run's end, signed as Standard Webhooks with WHSEC.
 * <p>
 * Started before the server (whose replicate engine points here), it waits for DATA_DIR/bench-server.txt (the server's
 * base URL) and dev-api-key.txt, subscribes to {@code GET /api/v1/tasks/stream}, submits COUNT tasks through
 * {@code POST /api/v1/jobs/createTask}, one every GAP_MS, and timestamps each task's {@code success} event on the same
 * clock as the fake's run ends. Prints one line of {@code key=value} pairs: p50/p99/max of run end -> success (what
 * Reelgate adds after the provider finished) and of submit answered -> success.
 */
public class WebhookBench {

    static final String MODEL = "bytedance/v1-pro-text-to-video";
    static final Pattern PROMPT_INDEX = Pattern.compile("\"prompt\"\\s*:\\s*\"webhook bench (-?\\d+)\"");
    static final Pattern WEBHOOK = Pattern.compile("\"webhook\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern TASK_ID = Pattern.compile("\"taskId\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([^\"]+)\"");
    /** Tasks run before the measured ones (negative indices, RUN_MS each), not counted. */
    static final int WARM_UPS = 3;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One upstream run: which submission it is, and where it reports its end (null: nowhere, polled only). */
    record Run(int index, String id, String webhook) {
    }

    static final Map<String, Run> runs = new ConcurrentHashMap<>();
    static final Map<String, Long> ended = new ConcurrentHashMap<>();
    static final Map<String, Long> terminal = new ConcurrentHashMap<>();
    static final Map<String, String> terminalState = new ConcurrentHashMap<>();
    static final AtomicInteger polls = new AtomicInteger();
    /** Reads of a measured prediction after one already answered succeeded: its result was not taken at once. */
    static final AtomicInteger repolls = new AtomicInteger();
    static final java.util.Set<String> readSucceeded = ConcurrentHashMap.newKeySet();
    static final AtomicInteger webhooksSent = new AtomicInteger();
    static final AtomicInteger webhooksAccepted = new AtomicInteger();
    static final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    static String fakeBase;
    static byte[] video;
    static byte[] signingKey;
    static long runMs;
    static long spreadMs;
    static int count;

    public static void main(String[] a) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");   // else ~40 ms per answer (Nagle + delayed ACK)
        int port = Integer.parseInt(a[0]);
        Path data = Path.of(a[1]);
        count = Integer.parseInt(a[2]);
        runMs = Long.parseLong(a[3]);
        spreadMs = Long.parseLong(a[4]);
        long gapMs = Long.parseLong(a[5]);
        String secret = a[6];
        signingKey = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        video = Files.readAllBytes(Path.of(a[7]));

        HttpServer fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        fake.setExecutor(Executors.newFixedThreadPool(8));
        fake.createContext("/", exchange -> {
            try {
                handle(exchange, secret);
            } catch (RuntimeException e) {
                respond(exchange, 500, "{\"detail\":\"" + e.getClass().getSimpleName() + "\"}");
            }
        });
        fake.start();
        fakeBase = "http://127.0.0.1:" + port;

        String[] server = awaitServer(data);
        String base = server[0];
        String key = Files.readString(data.resolve("dev-api-key.txt")).trim();
        subscribe(base, key);
        for (int w = 1; w <= WARM_UPS; w++) {   // one at a time: a cold server's first collections take seconds
            String id = submit(base, key, -w);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!terminal.containsKey(id) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
        }

        String[] taskIds = new String[count];
        long[] answeredAt = new long[count];
        for (int i = 0; i < count; i++) {
            long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(gapMs);
            taskIds[i] = submit(base, key, i);
            answeredAt[i] = System.nanoTime();
            TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
        }
        // every run has ended by RUN + SPREAD; on top a poll interval, or the 60 s safety net when a result was refused
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(runMs + spreadMs + 90_000);
        while (System.nanoTime() < until && Arrays.stream(taskIds).anyMatch(id -> !terminal.containsKey(id))) {
            Thread.sleep(20);
        }

        long[] afterEnd = new long[count];
        long[] afterSubmit = new long[count];
        int done = 0;
        int failed = 0;
        Map<Integer, String> predictionOf = new java.util.HashMap<>();
        runs.values().forEach(run -> predictionOf.put(run.index(), run.id()));
        long creates = runs.values().stream().filter(run -> run.index() >= 0).count();
        for (int i = 0; i < count; i++) {
            Long at = terminal.get(taskIds[i]);
            Long end = predictionOf.containsKey(i) ? ended.get(predictionOf.get(i)) : null;
            if (at == null || end == null || !"success".equals(terminalState.get(taskIds[i]))) {
                failed += at != null ? 1 : 0;
                continue;
            }
            afterEnd[done] = at - end;
            afterSubmit[done++] = at - answeredAt[i];
        }
        Stats fromEnd = Stats.of(afterEnd, done);
        Stats fromSubmit = Stats.of(afterSubmit, done);
        System.out.printf(Locale.ROOT, "tasks=%d done=%d failed=%d missed=%d creates=%d polls=%d repolls=%d webhooks_sent=%d "
                        + "webhooks_ok=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f min_ms=%.1f "
                        + "sub_p50_ms=%.1f sub_p99_ms=%.1f sub_max_ms=%.1f%n",
                count, done, failed, count - done - failed, creates, polls.get(), repolls.get(), webhooksSent.get(),
                webhooksAccepted.get(), fromEnd.p50(), fromEnd.p99(), fromEnd.max(), fromEnd.min(),
                fromSubmit.p50(), fromSubmit.p99(), fromSubmit.max());
        fake.stop(0);
        System.exit(0);
    }

    /** p50/p99/min/max in ms of the first {@code n} samples (ns); NaN without samples. */
    record Stats(double p50, double p99, double min, double max) {
        static Stats of(long[] samples, int n) {
            if (n == 0) {
                return new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            long[] sorted = Arrays.copyOf(samples, n);
            Arrays.sort(sorted);
            return new Stats(rank(sorted, 0.50), rank(sorted, 0.99), sorted[0] / 1e6, sorted[n - 1] / 1e6);
        }

        private static double rank(long[] sorted, double q) {   // nearest rank
            return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
        }
    }

    static String[] awaitServer(Path data) throws Exception {
        Path info = data.resolve("bench-server.txt");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!Files.exists(info) || !Files.exists(data.resolve("dev-api-key.txt"))) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the server did not come up");
            }
            Thread.sleep(100);
        }
        return Files.readString(info).trim().split(" ");
    }

    /** The key's SSE stream, read on one thread: the first success or fail of each task, timestamped on arrival. */
    static void subscribe(String base, String key) throws Exception {
        HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tasks/stream"))
                .header("Authorization", "Bearer " + key).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (stream.statusCode() != 200) {
            throw new IllegalStateException("stream answered HTTP " + stream.statusCode());
        }
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    long now = System.nanoTime();
                    Matcher task = TASK_ID.matcher(line);
                    Matcher state = STATE.matcher(line);
                    if (line.startsWith("data:") && task.find() && state.find()
                            && (state.group(1).equals("success") || state.group(1).equals("fail"))) {
                        terminal.putIfAbsent(task.group(1), now);
                        terminalState.putIfAbsent(task.group(1), state.group(1));
                    }
                }
            } catch (IOException e) {
                // the stream ends when this program exits
            }
        }, "sse");
        reader.setDaemon(true);
        reader.start();
    }

    static String submit(String base, String key, int index) throws Exception {
        String body = "{\"model\":\"" + MODEL + "\",\"input\":{\"prompt\":\"webhook bench " + index + "\","
                + "\"resolution\":\"480p\",\"duration\":\"5\",\"aspect_ratio\":\"16:9\"}}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs/createTask"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = TASK_ID.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("createTask answered HTTP " + r.statusCode() + ": " + r.body());
        }
        return m.group(1);
    }

    /** The fake Replicate API. */
    static void handle(HttpExchange exchange, String secret) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean post = exchange.getRequestMethod().equals("POST");
        if (post && path.endsWith("/cancel")) {
            String id = path.substring("/v1/predictions/".length(), path.length() - "/cancel".length());
            respond(exchange, 200, prediction(id, "canceled"));
        } else if (post && path.startsWith("/v1/") && path.endsWith("/predictions")) {
            respond(exchange, 201, prediction(create(body), "starting"));
        } else if (path.startsWith("/v1/predictions/")) {
            String id = path.substring("/v1/predictions/".length());
            Run run = runs.get(id);
            boolean measured = run != null && run.index() >= 0;
            polls.addAndGet(measured ? 1 : 0);
            if (measured && ended.containsKey(id) && !readSucceeded.add(id)) {
                repolls.incrementAndGet();
            }
            respond(exchange, 200, prediction(id, ended.containsKey(id) ? "succeeded" : "processing"));
        } else if (path.startsWith("/delivery/")) {
            send(exchange, 200, "video/mp4", video);
        } else if (path.equals("/v1/webhooks/default/secret")) {
            respond(exchange, 200, "{\"key\":\"" + secret + "\"}");
        } else {
            respond(exchange, 404, "{\"detail\":\"Not found.\",\"status\":404}");
        }
    }

    /** Registers the run of submission {@code index} (named by its prompt) and schedules its end. */
    static String create(String body) {
        Matcher index = PROMPT_INDEX.matcher(body);
        if (!index.find()) {
            throw new IllegalArgumentException("not a bench prompt");
        }
        int i = Integer.parseInt(index.group(1));
        Matcher webhook = WEBHOOK.matcher(body);
        long duration = runMs + (i < 0 ? 0 : spreadMs * i / count);
        Run run = new Run(i, UUID.randomUUID().toString().replace("-", "").substring(0, 26),
                webhook.find() ? webhook.group(1) : null);
        runs.put(run.id(), run);
        timer.schedule(() -> end(run), duration, TimeUnit.MILLISECONDS);
        return run.id();
    }

    /** The run's end: reads answer succeeded from now on, and the webhook (if any) is sent at once. */
    static void end(Run run) {
        ended.put(run.id(), System.nanoTime());
        if (run.webhook() == null) {
            return;
        }
        byte[] body = prediction(run.id(), "succeeded").getBytes(StandardCharsets.UTF_8);
        String messageId = "msg_" + UUID.randomUUID();
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        int measured = run.index() >= 0 ? 1 : 0;
        webhooksSent.addAndGet(measured);
        HTTP.sendAsync(HttpRequest.newBuilder(URI.create(run.webhook())).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("webhook-id", messageId)
                        .header("webhook-timestamp", timestamp)
                        .header("webhook-signature", "v1," + sign(messageId + "." + timestamp + ".", body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.discarding())
                .thenAccept(r -> {
                    if (r.statusCode() == 200) {
                        webhooksAccepted.addAndGet(measured);
                    }
                });
    }

    /** Standard Webhooks: base64 HMAC-SHA256 over {@code id.timestamp.body}, keyed with the decoded whsec_ part. */
    static String sign(String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String prediction(String id, String status) {
        Run run = runs.get(id);
        String output = status.equals("succeeded") ? "\"" + fakeBase + "/delivery/" + id + "/output.mp4\"" : "null";
        String metrics = status.equals("succeeded") ? ",\"metrics\":{\"predict_time\":" + (runMs / 1000.0) + "}" : "";
        return "{\"id\":\"" + id + "\",\"model\":\"bytedance/seedance-1-pro\",\"version\":\"hidden\",\"input\":{},"
                + "\"logs\":\"\",\"output\":" + output + ",\"data_removed\":false,\"error\":null,\"status\":\""
                + status + "\",\"created_at\":\"2026-12-02T12:00:00.000000Z\""
                + (run != null && run.webhook() != null ? ",\"webhook\":\"" + run.webhook() + "\"" : "")
                + ",\"urls\":{\"get\":\"" + fakeBase + "/v1/predictions/" + id + "\",\"cancel\":\"" + fakeBase
                + "/v1/predictions/" + id + "/cancel\"}" + metrics + "}";
    }

    static void respond(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
