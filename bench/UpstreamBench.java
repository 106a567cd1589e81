import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "upstream" scenario of bench/run.sh, a single-file program ({@code java UpstreamBench.java FAKE_PORT DATA_DIR
 * COUNT WINDOW_SECONDS VIDEO_FILE|-}). It plays Runway's developer API on loopback (the documented shapes of
 * docs/upstreams.md: create answers {@code {"id"}}, {@code GET /v1/tasks/{id}} the status, DELETE 204), answering
 * every status read after 200 ms. Started before the server (whose runway engine points at it, polled every 6 s), it
 * waits for the server (its port and pid in DATA_DIR/bench-server.txt, the key in dev-api-key.txt), then:
 * <ol>
 * <li>baseline: COUNT schedules of plain async GETs from a bare JDK HttpClient loop to the same fake, each due 6 s
 * after its previous answer; lag = arrival at the fake - due time;</li>
 * <li>COUNT tasks submitted and parked at the fake; once each was polled, for WINDOW_SECONDS the lag of every poll
 * (arrival - previous answer - 6 s) and the server's CPU (/proc/PID/stat ticks);</li>
 * <li>the same while 20 tasks succeed at once with VIDEO_FILE as their output (downloaded and re-encoded).</li>
 * </ol>
 * Prints one line of {@code key=value} pairs.
 */
public class UpstreamBench {

    static final long INTERVAL_NS = 6_000_000_000L;
    static final long ANSWER_DELAY_MS = 200;
    static final int COLLECTED = 20;
    static final Pattern TASK_ID = Pattern.compile("\"taskId\"\\s*:\\s*\"([^\"]+)\"");

    /** Per upstream id: when its last status answer was sent (ns), so the next read's lag is known. */
    static final Map<String, Long> lastAnswer = new ConcurrentHashMap<>();
    static final List<Long> lags = Collections.synchronizedList(new ArrayList<>());
    static final Set<String> succeeding = ConcurrentHashMap.newKeySet();
    static final Set<String> downloaded = ConcurrentHashMap.newKeySet();
    static final AtomicInteger creates = new AtomicInteger();
    static volatile boolean measuring;
    static volatile byte[] video = new byte[0];
    static String fakeBase;

    public static void main(String[] a) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = Integer.parseInt(a[0]);
        Path data = Path.of(a[1]);
        int count = Integer.parseInt(a[2]);
        long window = Long.parseLong(a[3]);
        if (!a[4].equals("-")) {
            video = Files.readAllBytes(Path.of(a[4]));
        }
        ScheduledExecutorService answers = Executors.newScheduledThreadPool(4);
        HttpServer fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
        fake.setExecutor(Executors.newFixedThreadPool(16));
        fake.createContext("/", exchange -> handle(exchange, answers));
        fake.start();
        fakeBase = "http://127.0.0.1:" + port;

        Path info = data.resolve("bench-server.txt");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!Files.exists(info) || !Files.exists(data.resolve("dev-api-key.txt"))) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the server did not come up");
            }
            Thread.sleep(200);
        }
        String[] server = Files.readString(info).trim().split(" ");
        String base = server[0];
        long pid = Long.parseLong(server[1]);
        String key = Files.readString(data.resolve("dev-api-key.txt")).trim();

        double[] baseline = baseline(count, window);

        HttpClient http = HttpClient.newHttpClient();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<String>> submits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            submits.add(clients.submit(() -> submit(http, base, key)));
        }
        List<String> taskIds = new ArrayList<>();
        for (Future<String> f : submits) {
            taskIds.add(f.get());
        }
        clients.shutdown();
        until = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (lastAnswer.size() < count && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        int parked = lastAnswer.size();
        Thread.sleep(INTERVAL_NS / 1_000_000);  // every parked task polled once more: steady state

        measuring = true;
        long cpu0 = cpuTicks(pid);
        long t0 = System.nanoTime();
        Thread.sleep(window * 1000);
        long cpu1 = cpuTicks(pid);
        double seconds = (System.nanoTime() - t0) / 1e9;
        measuring = false;
        List<Long> idle = take();

        double[] collecting = {Double.NaN, Double.NaN, 0};
        if (video.length > 0) {
            // 20 tasks succeed at their next poll; lags measured until all 20 are downloaded (or the window ends)
            List<String> ids = new ArrayList<>(lastAnswer.keySet());
            succeeding.addAll(ids.subList(0, COLLECTED));
            measuring = true;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < end && downloaded.size() < COLLECTED) {
                Thread.sleep(100);
            }
            Thread.sleep(2000);
            measuring = false;
            List<Long> busy = take();
            collecting = new double[] {pct(busy, 50), pct(busy, 99), busy.size()};
        }
        System.out.printf(java.util.Locale.ROOT, "parked=%d polls=%d p50_ms=%.3f p99_ms=%.3f max_ms=%.3f cpu_pct=%.1f "
                        + "base_polls=%d base_p50_ms=%.3f base_p99_ms=%.3f base_cpu_pct=%.1f "
                        + "collect_polls=%d collect_p50_ms=%.3f collect_p99_ms=%.3f downloaded=%d%n",
                parked, idle.size(), pct(idle, 50), pct(idle, 99), pct(idle, 100),
                100.0 * (cpu1 - cpu0) / 100.0 / seconds, (long) baseline[2], baseline[0], baseline[1], baseline[3],
                (long) collecting[2], collecting[0], collecting[1], downloaded.size());
        fake.stop(0);
        System.exit(0);
    }

    /** The bare loop: COUNT GETs each due INTERVAL after the previous answer, sent with sendAsync on time. */
    static double[] baseline(int count, long window) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        Map<String, Long> due = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String id = "base-" + i;
            long firstDelay = INTERVAL_NS * i / count;   // spread like parked tasks are
            schedule(http, timer, due, id, firstDelay);
        }
        Thread.sleep(INTERVAL_NS / 1_000_000 + 1000);
        measuring = true;
        long cpu0 = cpuTicks(ProcessHandle.current().pid());
        long t0 = System.nanoTime();
        Thread.sleep(window * 1000);
        long cpu1 = cpuTicks(ProcessHandle.current().pid());
        double seconds = (System.nanoTime() - t0) / 1e9;
        measuring = false;
        timer.shutdownNow();
        List<Long> got = take();
        Thread.sleep(ANSWER_DELAY_MS * 3);
        lastAnswer.keySet().removeIf(k -> k.startsWith("base-"));
        return new double[] {pct(got, 50), pct(got, 99), got.size(), 100.0 * (cpu1 - cpu0) / 100.0 / seconds};
    }

    static void schedule(HttpClient http, ScheduledExecutorService timer, Map<String, Long> due, String id, long delayNs) {
        timer.schedule(() -> {
            http.sendAsync(HttpRequest.newBuilder(URI.create(fakeBase + "/v1/tasks/" + id)).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .thenRun(() -> schedule(http, timer, due, id, INTERVAL_NS));
        }, delayNs, TimeUnit.NANOSECONDS);
    }

    static String submit(HttpClient http, String base, String key) throws Exception {
        String body = "{\"prompt\":\"upstream bench\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/runway/generate"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = TASK_ID.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("submit answered HTTP " + r.statusCode() + ": " + r.body());
        }
        return m.group(1);
    }

    /** The fake Runway API: creates, status reads answered after 200 ms, outputs, cancels. */
    static void handle(HttpExchange exchange, ScheduledExecutorService answers) throws java.io.IOException {
        long arrived = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        if (method.equals("POST") && path.startsWith("/v1/")) {
            creates.incrementAndGet();
            respond(exchange, 200, "{\"id\":\"" + UUID.randomUUID() + "\"}");
        } else if (method.equals("DELETE")) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        } else if (path.startsWith("/outputs/")) {
            downloaded.add(path);
            exchange.getResponseHeaders().add("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(200, video.length);
            exchange.getResponseBody().write(video);
            exchange.close();
        } else if (path.startsWith("/v1/tasks/")) {
            String id = path.substring("/v1/tasks/".length());
            Long previous = lastAnswer.get(id);
            if (measuring && previous != null && !succeeding.contains(id)) {
                lags.add(arrived - previous - INTERVAL_NS);
            }
            answers.schedule(() -> {
                try {
                    String head = "{\"id\":\"" + id + "\",\"createdAt\":\"2026-07-30T10:00:00.123Z\",";
                    respond(exchange, 200, succeeding.contains(id)
                            ? head + "\"status\":\"SUCCEEDED\",\"output\":[\"" + fakeBase + "/outputs/" + id + ".mp4\"]}"
                            : head + "\"status\":\"RUNNING\",\"progress\":0.4}");
                    lastAnswer.put(id, System.nanoTime());
                } catch (Exception e) {
                    exchange.close();
                }
            }, ANSWER_DELAY_MS, TimeUnit.MILLISECONDS);
        } else {
            respond(exchange, 404, "{\"error\":\"not found\"}");
        }
    }

    static void respond(HttpExchange exchange, int status, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static List<Long> take() {
        synchronized (lags) {
            List<Long> copy = new ArrayList<>(lags);
            lags.clear();
            return copy;
        }
    }

    /** utime + stime of a process, in clock ticks (USER_HZ, 100 on Linux). */
    static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static double pct(List<Long> ns, double p) {
        if (ns.isEmpty()) {
            return Double.NaN;
        }
        List<Long> s = new ArrayList<>(ns);
        Collections.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i))) / 1e6;
    }
}
