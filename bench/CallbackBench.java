import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "callbacks" scenario of bench/run.sh, a single-file program of its own ({@code java CallbackBench.java BASE KEY
 * COUNT HANGING_PERCENT SECONDS}) so Bench.java stays readable. It runs two receivers on loopback: a fast one that
 * answers 200 at once and one that accepts connections and never answers (every attempt to it runs into the
 * callback timeout). It submits COUNT tasks (the server runs no workers, so they wait), HANGING_PERCENT of them
 * calling back the hanging receiver, spread evenly, then cancels them all from 8 threads: each cancel ends its task
 * and writes its callback. Measured per fast callback: cancel answered -> callback received (and, as an upper bound,
 * cancel sent -> callback received). Baseline, same run: a bare
 * loop POSTing the same number of callback-sized bodies to the fast receiver, one at a time. Prints one line of
 * {@code key=value} pairs.
 */
public class CallbackBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final Pattern TASK_ID = Pattern.compile("\"task_id\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] a) throws Exception {
        // without it the JDK server sends headers and body in two segments, and Nagle plus the client's delayed ACK
        // make every answer take about 40 ms: a slow receiver by accident, not the fast one this scenario needs
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String base = a[0];
        String key = a[1];
        int count = Integer.parseInt(a[2]);
        int hangingPercent = Integer.parseInt(a[3]);
        long deadline = System.nanoTime() + Long.parseLong(a[4]) * 1_000_000_000L;

        Map<String, Long> arrived = new ConcurrentHashMap<>();
        HttpServer fast = fastReceiver(arrived);
        ServerSocket hanging = hangingReceiver();
        String fastUrl = "http://127.0.0.1:" + fast.getAddress().getPort() + "/hook";
        String hangingUrl = "http://127.0.0.1:" + hanging.getLocalPort() + "/hook";

        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<String> ids = new ArrayList<>();
        List<Boolean> toFast = new ArrayList<>();
        List<Future<String>> submits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // every (100 / percent)-th task, so hanging callbacks are spread over the whole run
            boolean slow = hangingPercent > 0 && i % Math.max(1, 100 / hangingPercent) == 0;
            toFast.add(!slow);
            String url = slow ? hangingUrl : fastUrl;
            submits.add(clients.submit(() -> submit(base, key, url)));
        }
        for (Future<String> submit : submits) {
            ids.add(submit.get());
        }

        Map<String, Long> cancelSent = new ConcurrentHashMap<>();
        Map<String, Long> cancelAnswered = new ConcurrentHashMap<>();
        List<Future<?>> cancels = new ArrayList<>();
        for (String id : ids) {
            cancels.add(clients.submit(() -> {
                cancelSent.put(id, System.nanoTime());
                post(base + "/api/v1/tasks/" + id + "/cancel", key, "");
                cancelAnswered.put(id, System.nanoTime());
                return null;
            }));
        }
        for (Future<?> cancel : cancels) {
            cancel.get();
        }
        clients.shutdown();

        List<String> fastIds = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (toFast.get(i)) {
                fastIds.add(ids.get(i));
            }
        }
        while (System.nanoTime() < deadline && !arrived.keySet().containsAll(fastIds)) {
            Thread.sleep(20);
        }
        // The callback's row commits inside the cancel, before its answer: "answered -> received" (0 when the
        // callback was faster than the answer) is a lower bound of the delivery latency, "sent -> received" an
        // upper bound that includes the cancel's own time.
        long[] fromAnswer = new long[fastIds.size()];
        long[] fromSent = new long[fastIds.size()];
        int delivered = 0;
        for (String id : fastIds) {
            Long at = arrived.get(id);
            if (at != null) {
                fromAnswer[delivered] = Math.max(0, at - cancelAnswered.get(id));
                fromSent[delivered++] = at - cancelSent.get(id);
            }
        }
        long[] cancel = new long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            cancel[i] = cancelAnswered.get(ids.get(i)) - cancelSent.get(ids.get(i));
        }
        long[] answered = sorted(Arrays.copyOf(fromAnswer, delivered));
        long[] sent = sorted(Arrays.copyOf(fromSent, delivered));
        long[] cancelTimes = sorted(cancel);

        long[] bare = barePostLoop(fastUrl, fastIds.size());
        System.out.printf("fast=%d delivered=%d hanging=%d p50_ms=%.3f p99_ms=%.3f sent_p50_ms=%.3f sent_p99_ms=%.3f "
                        + "cancel_p50_ms=%.3f cancel_p99_ms=%.3f base_p50_ms=%.3f base_p99_ms=%.3f%n",
                fastIds.size(), delivered, ids.size() - fastIds.size(), pct(answered, 50), pct(answered, 99),
                pct(sent, 50), pct(sent, 99), pct(cancelTimes, 50), pct(cancelTimes, 99), pct(bare, 50), pct(bare, 99));
        fast.stop(0);
        hanging.close();
        System.exit(0);
    }

    static String submit(String base, String key, String callBackUrl) throws Exception {
        String body = "{\"prompt\":\"callback bench\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\","
                + "\"callBackUrl\":\"" + callBackUrl + "\"}";
        HttpResponse<String> r = post(base + "/api/v1/runway/generate", key, body);
        Matcher m = Pattern.compile("\"taskId\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("submit answered HTTP " + r.statusCode() + ": " + r.body());
        }
        return m.group(1);
    }

    static HttpResponse<String> post(String url, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Records when each task's callback arrived (first arrival counts) and answers 200 at once. */
    static HttpServer fastReceiver(Map<String, Long> arrived) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long now = System.nanoTime();
            Matcher m = TASK_ID.matcher(body);
            if (m.find()) {
                arrived.putIfAbsent(m.group(1), now);
            }
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        return server;
    }

    /** Accepts every connection and never reads or answers: each attempt runs into the sender's timeout. */
    static ServerSocket hangingReceiver() throws Exception {
        ServerSocket socket = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        List<Socket> held = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(socket.accept());
                }
            } catch (Exception e) {
                // closed at the end of the run
            }
        }, "hanging-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
        return socket;
    }

    /** The baseline: the same number of POSTs, one after another, from a bare loop. Nanoseconds, sorted. */
    static long[] barePostLoop(String url, int count) throws Exception {
        String body = "{\"code\":400,\"msg\":\"Task was cancelled\",\"data\":{\"task_id\":\"baseline\",\"video_id\":\"\","
                + "\"video_url\":\"\",\"image_url\":\"\"}}";
        for (int i = 0; i < 50; i++) {
            post(url, null, body);
        }
        long[] latency = new long[count];
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            post(url, null, body);
            latency[i] = System.nanoTime() - t0;
        }
        Arrays.sort(latency);
        return latency;
    }

    static long[] sorted(long[] values) {
        Arrays.sort(values);
        return values;
    }

    static double pct(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int idx = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, idx))] / 1e6;
    }
}
