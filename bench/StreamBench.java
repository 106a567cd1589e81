import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "streams" scenario of bench/run.sh, a single-file program ({@code java StreamBench.java BASE KEY PID
 * SUBSCRIBERS EVENTS}). It opens SUBSCRIBERS concurrent {@code GET /api/v1/tasks/stream} SSE subscriptions of one key
 * (JDK HttpClient, one HTTP/1.1 connection each, read without a thread per stream), measures the server's heap
 * before and after ({@code jcmd PID GC.run} then {@code GC.heap_info}), then cancels EVENTS waiting tasks (the server
 * runs no workers), one at a time: every subscriber receives each task's {@code fail} event. Latency per delivery =
 * arrival (wall clock) - the event's own {@code at} (when the server made the change). Baseline, same run: the same
 * event lines written to SUBSCRIBERS loopback socket pairs in this process, one after the other, latency = arrival
 * at the reading end - start of the fan-out. Prints one line of {@code key=value} pairs.
 */
public class StreamBench {

    static final Pattern AT = Pattern.compile("\"at\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern TASK_ID = Pattern.compile("\"taskId\"\\s*:\\s*\"([^\"]+)\"");
    static final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] a) throws Exception {
        String base = a[0];
        String key = a[1];
        long pid = Long.parseLong(a[2]);
        int subscribers = Integer.parseInt(a[3]);
        int events = Integer.parseInt(a[4]);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4))
                .connectTimeout(Duration.ofSeconds(30)).build();

        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            tasks.add(submit(http, base, key));
        }
        long heapBefore = heapUsedKb(pid);
        CountDownLatch connected = new CountDownLatch(subscribers);
        AtomicInteger received = new AtomicInteger();
        for (int i = 0; i < subscribers; i++) {
            http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/tasks/stream"))
                            .header("Authorization", "Bearer " + key).build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(new Lines(connected, received)));
            if (i % 200 == 199) {
                Thread.sleep(50);   // no accept-queue overflow on a 2-core machine
            }
        }
        boolean all = connected.await(300, TimeUnit.SECONDS);
        int open = subscribers - (int) connected.getCount();
        Thread.sleep(2000);
        long heapAfter = heapUsedKb(pid);
        if (System.getenv("STREAM_HISTOGRAM") != null) {   // what the subscribers' heap is made of
            java.nio.file.Files.writeString(java.nio.file.Path.of(System.getenv("STREAM_HISTOGRAM")),
                    run("jcmd", Long.toString(pid), "GC.class_histogram"));
        }

        for (String task : tasks) {
            int expected = received.get() + open;
            post(http, base + "/api/v1/tasks/" + task + "/cancel", key, "{}");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received.get() < expected && System.nanoTime() < until) {
                Thread.sleep(5);
            }
        }
        List<Long> got = new ArrayList<>(latencies);
        double[] baseline = socketFanOut(subscribers, events);
        System.out.printf(java.util.Locale.ROOT, "subscribers=%d open=%d all=%b deliveries=%d expected=%d p50_ms=%.3f p99_ms=%.3f "
                        + "heap_per_sub_kb=%.2f heap_before_mb=%.1f heap_after_mb=%.1f base_p50_ms=%.3f base_p99_ms=%.3f%n",
                subscribers, open, all, got.size(), (long) open * events, pct(got, 50), pct(got, 99),
                open == 0 ? Double.NaN : (heapAfter - heapBefore) / (double) open, heapBefore / 1024.0,
                heapAfter / 1024.0, baseline[0], baseline[1]);
        System.exit(0);
    }

    /** Reads one stream: the first line means connected; each fail event's latency against its own "at". */
    record Lines(CountDownLatch connected, AtomicInteger received) implements Flow.Subscriber<String> {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            connected.countDown();
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("data:") && line.contains("\"state\":\"fail\"")) {
                long now = System.currentTimeMillis();
                Matcher m = AT.matcher(line);
                if (m.find()) {
                    latencies.add((now - Instant.parse(m.group(1)).toEpochMilli()) * 1_000_000L);
                }
                received.incrementAndGet();
            }
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }

    /** The bare fan-out: each event line written to every socket in turn, read at the other end by a few threads. */
    static double[] socketFanOut(int count, int events) throws Exception {
        List<Long> got = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket listener = new ServerSocket(0, count, InetAddress.getLoopbackAddress())) {
            List<Socket> writers = new ArrayList<>();
            List<InputStream> readers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                Socket accepted = listener.accept();
                writers.add(accepted);
                readers.add(client.getInputStream());
            }
            byte[] line = ("id: 1\nevent: task\ndata: {\"taskId\":\"ee603959-debb-48d1-98c4-a6d1c717eba6\",\"kind\":"
                    + "\"generate\",\"state\":\"fail\",\"progress\":0,\"failCode\":500,\"failMsg\":\"cancelled\","
                    + "\"at\":\"2026-11-26T21:30:00Z\"}\n\n").getBytes(StandardCharsets.UTF_8);
            byte[] buffer = new byte[line.length];
            for (int e = 0; e < events; e++) {
                long start = System.nanoTime();
                for (Socket w : writers) {
                    OutputStream out = w.getOutputStream();
                    out.write(line);
                    out.flush();
                }
                for (InputStream in : readers) {   // data already sits in each socket's buffer: reading is the arrival
                    int n = 0;
                    while (n < line.length) {
                        n += in.read(buffer, n, line.length - n);
                    }
                    got.add(System.nanoTime() - start);
                }
            }
            for (Socket w : writers) {
                w.close();
            }
        }
        return new double[] {pct(got, 50), pct(got, 99)};
    }

    static String submit(HttpClient http, String base, String key) throws Exception {
        HttpResponse<String> r = post(http, base + "/api/v1/runway/generate", key,
                "{\"prompt\":\"stream bench\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");
        Matcher m = TASK_ID.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("submit answered HTTP " + r.statusCode() + ": " + r.body());
        }
        return m.group(1);
    }

    static HttpResponse<String> post(HttpClient http, String url, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Heap in use after a full GC, from {@code jcmd PID GC.heap_info} ("... used 123456K"). */
    static long heapUsedKb(long pid) throws Exception {
        run("jcmd", Long.toString(pid), "GC.run");
        String info = run("jcmd", Long.toString(pid), "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
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
