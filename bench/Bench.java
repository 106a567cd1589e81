import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reelgate benchmark helper, run by bench/run.sh as a single-file program ({@code java [-cp jdbc.jar] Bench.java CMD
 * ...}). JDK HttpClient and JDBC only. Every loop is bounded by a count and a time limit; every target is whatever
 * base URL run.sh passes (always http://127.0.0.1:PORT). Results are printed as one line of {@code key=value} pairs.
 *
 * <pre>
 * load     URL CONNS SECONDS KEY|- [IDPREFIX IDCOUNT]   closed-loop GET load (fallback for wrk); {id} in URL -> random id
 * submit   BASE KEY CLIENTS COUNT SECONDS               POST /api/v1/runway/generate, submits/s (KEY may be a
 *                                                       comma-separated list: client i submits with key i mod n)
 * keys     BASE ADMIN_TOKEN COUNT CREDITS              creates COUNT API keys, prints their secrets comma-separated
 * insert   JDBCURL USER PASS THREADS COUNT SECONDS      baseline: autocommitted single-row INSERT loop, rows/s
 * sweepbase JDBCURL USER PASS COUNT SECONDS             baseline: select-batch + single-row UPDATE loop, seconds
 * dispatch BASE KEY SAMPLES SECONDS                     submit -> 'generating' via SSE, p50/p99 ms (cancels each task)
 * render   BASE KEY QUALITY RUNS SECONDS                 startedAt -> finishedAt of a 5 s clip, median seconds
 * seed     JDBCURL USER PASS PREFIX FROM TO done|expired  bulk-insert finished tasks owned by the 'dev' key
 * expiry   BASE KEY FIRSTID LASTID SECONDS               time from the first to the last seeded row expiring
 * </pre>
 */
public class Bench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final String PROMPT = "a paper boat drifting on a calm lake at dawn, soft light, gentle ripples";

    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            case "load" -> load(a[1], i(a[2]), i(a[3]), a[4], a.length > 5 ? a[5] : null, a.length > 6 ? i(a[6]) : 0);
            case "submit" -> submit(a[1], a[2], i(a[3]), i(a[4]), i(a[5]));
            case "keys" -> keys(a[1], a[2], i(a[3]), Long.parseLong(a[4]));
            case "insert" -> insert(a[1], a[2], a[3], i(a[4]), i(a[5]), i(a[6]));
            case "sweepbase" -> sweepBase(a[1], a[2], a[3], i(a[4]), i(a[5]));
            case "dispatch" -> dispatch(a[1], a[2], i(a[3]), i(a[4]));
            case "render" -> render(a[1], a[2], a[3], i(a[4]), i(a[5]));
            case "seed" -> seed(a[1], a[2], a[3], a[4], i(a[5]), i(a[6]), a[7]);
            case "expiry" -> expiry(a[1], a[2], a[3], a[4], i(a[5]));
            default -> throw new IllegalArgumentException("unknown command " + a[0]);
        }
    }

    static int i(String s) {
        return Integer.parseInt(s);
    }

    static String id(String prefix, long n) {
        // 36 characters, like the server's UUIDs: PREFIX (1 char) + fixed middle + 12-digit counter
        return String.format("%s0000000-0000-4000-8000-%012d", prefix, n);
    }

    // ---------------------------------------------------------------- HTTP helpers

    static HttpResponse<String> get(String url, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (key != null && !key.equals("-")) {
            b.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String key, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.]+|null|true|false)")
                .matcher(json);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    static String generateBody(String quality) {
        return "{\"prompt\":\"" + PROMPT + "\",\"duration\":5,\"quality\":\"" + quality
                + "\",\"aspectRatio\":\"16:9\",\"waterMark\":\"reelgate\"}";
    }

    static String submitOne(String base, String key, String quality) throws Exception {
        HttpResponse<String> r = post(base + "/api/v1/runway/generate", key, generateBody(quality));
        String code = field(r.body(), "code");
        if (r.statusCode() != 200 || !"200".equals(code)) {
            throw new IllegalStateException("submit answered HTTP " + r.statusCode() + ": " + r.body());
        }
        return field(r.body(), "taskId");
    }

    static double pct(long[] sortedNanos, int n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        int idx = (int) Math.ceil(p / 100.0 * n) - 1;
        return sortedNanos[Math.max(0, Math.min(n - 1, idx))] / 1e6;
    }

    static String f(double v) {
        return String.format("%.3f", v);
    }

    // ---------------------------------------------------------------- load (wrk fallback)

    static void load(String url, int conns, int seconds, String key, String idPrefix, int idCount) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int cap = 2_000_000 / conns;
        long[][] lat = new long[conns][cap];
        int[] counts = new int[conns];
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < conns; t++) {
            final int ti = t;
            Thread th = new Thread(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                while (System.nanoTime() < end && counts[ti] < cap) {
                    String u = idPrefix == null ? url : url.replace("{id}", id(idPrefix, rnd.nextInt(idCount)));
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = get(u, key);
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    lat[ti][counts[ti]++] = System.nanoTime() - t0;
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int t = 0; t < conns; t++) {
            System.arraycopy(lat[t], 0, all, k, counts[t]);
            k += counts[t];
        }
        Arrays.sort(all);
        System.out.println("rps=" + f(total / elapsed) + " p50_ms=" + f(pct(all, total, 50)) + " p99_ms="
                + f(pct(all, total, 99)) + " requests=" + total + " errors=" + errors.get());
    }

    // ---------------------------------------------------------------- submit

    static void submit(String base, String keyList, int clients, int count, int seconds) throws Exception {
        String[] keys = keyList.split(",");
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong lastError = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            String key = keys[t % keys.length];
            Thread th = new Thread(() -> {
                while (System.nanoTime() < end && issued.incrementAndGet() <= count) {
                    try {
                        submitOne(base, key, "720p");
                        ok.incrementAndGet();
                    } catch (Exception e) {
                        if (errors.incrementAndGet() == 1) {
                            System.err.println("submit error: " + e.getMessage());
                        }
                        lastError.set(System.nanoTime());
                    }
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.println("per_s=" + f(ok.get() / elapsed) + " ok=" + ok.get() + " errors=" + errors.get()
                + " seconds=" + f(elapsed));
    }

    /** Keys of their own for the clients, so their submits do not queue on one balance row. */
    static void keys(String base, String adminToken, int count, long credits) throws Exception {
        List<String> secrets = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            HttpResponse<String> r = post(base + "/admin/api/keys", adminToken,
                    "{\"name\":\"bench-" + k + "\",\"credits\":" + credits + "}");
            String secret = field(r.body(), "secret");
            if (r.statusCode() != 200 || secret == null) {
                throw new IllegalStateException("creating a key answered HTTP " + r.statusCode() + ": " + r.body());
            }
            secrets.add(secret);
        }
        System.out.println(String.join(",", secrets));
    }

    // ---------------------------------------------------------------- JDBC baselines

    static Connection connect(String url, String user, String pass) throws Exception {
        return DriverManager.getConnection(url, user, pass.equals("-") ? "" : pass);
    }

    static void insert(String url, String user, String pass, int threads, int count, int seconds) throws Exception {
        try (Connection c = connect(url, user, pass); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_insert");
            // about the width of a submitted task row (the server's task row has more, mostly NULL, columns)
            s.execute("""
                    CREATE TABLE bench_insert (id VARCHAR(36) NOT NULL PRIMARY KEY, api_key_id VARCHAR(36) NOT NULL,
                      kind VARCHAR(16) NOT NULL, engine VARCHAR(32) NOT NULL, state VARCHAR(16) NOT NULL,
                      prompt VARCHAR(4000) NOT NULL, aspect_ratio VARCHAR(8), quality VARCHAR(8), duration INTEGER,
                      water_mark VARCHAR(500), cost BIGINT NOT NULL, created_at TIMESTAMP NOT NULL)""");
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        List<Thread> ts = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try (Connection c = connect(url, user, pass); PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO bench_insert VALUES (?, ?, 'GENERATE', 'preview', 'wait', ?, '16:9', '720p', 5, "
                                + "'reelgate', 12, ?)")) {
                    c.setAutoCommit(true);
                    int n;
                    while (System.nanoTime() < end && (n = issued.incrementAndGet()) <= count) {
                        ps.setString(1, id("i", n));
                        ps.setString(2, "00000000-0000-4000-8000-000000000000");
                        ps.setString(3, PROMPT);
                        ps.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
                        ps.executeUpdate();
                        ok.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            th.start();
            ts.add(th);
        }
        for (Thread th : ts) {
            th.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        try (Connection c = connect(url, user, pass); Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_insert");
        }
        System.out.println("per_s=" + f(ok.get() / elapsed) + " ok=" + ok.get() + " seconds=" + f(elapsed));
    }

    /** The database work of the retention sweep without files or logs: SELECT a batch of 500, UPDATE each row. */
    static void sweepBase(String url, String user, String pass, int count, int seconds) throws Exception {
        try (Connection c = connect(url, user, pass); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_sweep");
            s.execute("""
                    CREATE TABLE bench_sweep (id VARCHAR(36) NOT NULL PRIMARY KEY, video_key VARCHAR(300),
                      cover_key VARCHAR(300), expires_at TIMESTAMP, expire_flag INTEGER NOT NULL DEFAULT 0)""");
            s.execute("CREATE INDEX ix_bench_sweep ON bench_sweep (expire_flag, expires_at)");
            c.setAutoCommit(false);
            LocalDateTime past = LocalDateTime.now(ZoneOffset.UTC).minusDays(1);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_sweep VALUES (?, ?, ?, ?, 0)")) {
                for (int n = 0; n < count; n++) {
                    String id = id("s", n);
                    ps.setString(1, id);
                    ps.setString(2, "results/" + id + "/v.mp4");
                    ps.setString(3, "results/" + id + "/c.jpg");
                    ps.setTimestamp(4, Timestamp.valueOf(past.plusNanos(n * 1000L)));
                    ps.addBatch();
                    if (n % 1000 == 999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            c.setAutoCommit(true);
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        int done = 0;
        try (Connection c = connect(url, user, pass);
             PreparedStatement sel = c.prepareStatement(
                     "SELECT * FROM bench_sweep WHERE expire_flag = 0 AND expires_at < ? ORDER BY expires_at LIMIT 500");
             PreparedStatement upd = c.prepareStatement(
                     "UPDATE bench_sweep SET expire_flag = 1 WHERE id = ? AND expire_flag = 0")) {
            int batch;
            do {
                batch = 0;
                sel.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = sel.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString("id"));
                    }
                }
                for (String id : ids) {
                    upd.setString(1, id);
                    done += upd.executeUpdate();
                    batch++;
                }
            } while (batch == 500 && System.nanoTime() < end);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        try (Connection c = connect(url, user, pass); Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_sweep");
        }
        System.out.println("seconds=" + f(elapsed) + " rows=" + done + " complete=" + (done == count));
    }

    // ---------------------------------------------------------------- dispatch latency

    static void dispatch(String base, String key, int samples, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Map<String, Long> generating = new ConcurrentHashMap<>();
        Map<String, Long> terminal = new ConcurrentHashMap<>();
        HttpRequest sse = HttpRequest.newBuilder(URI.create(base + "/api/v1/tasks/stream"))
                .header("Authorization", "Bearer " + key).header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> stream = HTTP.send(sse, HttpResponse.BodyHandlers.ofInputStream());
        if (stream.statusCode() != 200) {
            throw new IllegalStateException("stream answered HTTP " + stream.statusCode());
        }
        Thread reader = new Thread(() -> {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(stream.body(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    long now = System.nanoTime();
                    if (!line.startsWith("data:")) {
                        continue;
                    }
                    String taskId = field(line, "taskId");
                    String state = field(line, "state");
                    if (taskId == null || state == null) {
                        continue;
                    }
                    if (state.equals("generating")) {
                        generating.putIfAbsent(taskId, now);
                    } else if (state.equals("success") || state.equals("fail")) {
                        terminal.putIfAbsent(taskId, now);
                    }
                }
            } catch (Exception e) {
                // the stream ends when this program exits
            }
        }, "sse");
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(500);
        long[] lat = new long[samples];
        long[] sub = new long[samples];
        int n = 0;
        int lost = 0;
        for (int s = 0; s < samples && System.nanoTime() < deadline; s++) {
            long t0 = System.nanoTime();
            String taskId = submitOne(base, key, "720p");
            long tSubmitted = System.nanoTime();
            Long t1 = await(generating, taskId, Math.min(deadline, System.nanoTime() + 30_000_000_000L));
            if (t1 == null) {
                lost++;
            } else {
                sub[n] = tSubmitted - t0;
                lat[n++] = t1 - t0;
            }
            // stop the render at once so the engine is idle again for the next sample
            post(base + "/api/v1/tasks/" + taskId + "/cancel", key, "");
            await(terminal, taskId, Math.min(deadline, System.nanoTime() + 60_000_000_000L));
            Thread.sleep(200);
        }
        long[] sorted = Arrays.copyOf(lat, n);
        Arrays.sort(sorted);
        long[] sortedSub = Arrays.copyOf(sub, n);
        Arrays.sort(sortedSub);
        System.out.println("p50_ms=" + f(pct(sorted, n, 50)) + " p99_ms=" + f(pct(sorted, n, 99)) + " samples=" + n
                + " missed=" + lost + " submit_p50_ms=" + f(pct(sortedSub, n, 50)) + " submit_p99_ms="
                + f(pct(sortedSub, n, 99)));
        System.exit(0);
    }

    static Long await(Map<String, Long> map, String taskId, long deadlineNanos) throws InterruptedException {
        while (System.nanoTime() < deadlineNanos) {
            Long t = map.get(taskId);
            if (t != null) {
                return t;
            }
            Thread.sleep(1);
        }
        return map.get(taskId);
    }

    // ---------------------------------------------------------------- preview render

    static void render(String base, String key, String quality, int runs, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Double> times = new ArrayList<>();
        String lastOk = "";
        int failed = 0;
        for (int r = 0; r < runs && System.nanoTime() < deadline; r++) {
            String taskId = submitOne(base, key, quality);
            String state = "";
            while (System.nanoTime() < deadline) {
                HttpResponse<String> d = get(base + "/api/v1/runway/record-detail?taskId=" + taskId, key);
                state = String.valueOf(field(d.body(), "state"));
                if (state.equals("success") || state.equals("fail")) {
                    break;
                }
                Thread.sleep(200);
            }
            if (!state.equals("success")) {
                failed++;
                continue;
            }
            HttpResponse<String> v = get(base + "/api/v1/tasks/" + taskId, key);
            Instant started = Instant.parse(field(v.body(), "startedAt"));
            Instant finished = Instant.parse(field(v.body(), "finishedAt"));
            times.add(Duration.between(started, finished).toNanos() / 1e9);
            lastOk = taskId;
        }
        times.sort(null);
        double median = times.isEmpty() ? Double.NaN : times.get(times.size() / 2);
        System.out.println("seconds=" + f(median) + " runs=" + times.size() + " failed=" + failed + " all="
                + times.stream().map(Bench::f).toList().toString().replace(" ", "") + " task=" + lastOk);
    }

    // ---------------------------------------------------------------- seeding and retention

    static void seed(String url, String user, String pass, String prefix, int from, int to, String mode)
            throws Exception {
        boolean expired = mode.equals("expired");
        long t0 = System.nanoTime();
        try (Connection c = connect(url, user, pass)) {
            String keyId;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id FROM api_key WHERE name = 'dev' ORDER BY created_at")) {
                if (!rs.next()) {
                    throw new IllegalStateException("no 'dev' api_key row");
                }
                keyId = rs.getString(1);
            }
            c.setAutoCommit(false);
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            LocalDateTime created = now.minusDays(expired ? 20 : 1);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO task (id, api_key_id, kind, engine, state, prompt, aspect_ratio, quality, duration,
                      water_mark, expand_prompt, created_at, queued_at, started_at, finished_at, attempts, progress,
                      video_id, video_key, cover_key, width, height, expires_at, expire_flag, cost, seed)
                    VALUES (?, ?, 'GENERATE', 'preview', 'success', ?, '16:9', '720p', 5, 'reelgate', FALSE,
                      ?, ?, ?, ?, 1, 100, ?, ?, ?, 1280, 720, ?, 0, 12, ?)""")) {
                for (int n = from; n < to; n++) {
                    String id = id(prefix, n);
                    String videoId = id("v", n);
                    LocalDateTime c0 = created.plusNanos(n * 1000L);
                    ps.setString(1, id);
                    ps.setString(2, keyId);
                    ps.setString(3, PROMPT + " #" + n);
                    ps.setTimestamp(4, Timestamp.valueOf(c0));
                    ps.setTimestamp(5, Timestamp.valueOf(c0));
                    ps.setTimestamp(6, Timestamp.valueOf(c0.plusSeconds(1)));
                    ps.setTimestamp(7, Timestamp.valueOf(c0.plusSeconds(5)));
                    ps.setString(8, videoId);
                    // files that do not exist: the sweep tolerates missing files
                    ps.setString(9, "results/" + id + "/" + videoId + ".mp4");
                    ps.setString(10, "results/" + id + "/" + videoId + ".jpg");
                    // expired rows are ordered by expires_at like their index, so row FROM expires first, TO-1 last
                    ps.setTimestamp(11, Timestamp.valueOf(expired ? now.minusDays(1).plusNanos(n * 1000L)
                            : now.plusDays(14)));
                    ps.setLong(12, n);
                    ps.addBatch();
                    if ((n - from) % 2000 == 1999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
        }
        System.out.println("rows=" + (to - from) + " seconds=" + f((System.nanoTime() - t0) / 1e9));
    }

    static void expiry(String base, String key, String firstId, String lastId, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long first = 0;
        long last = 0;
        while (System.nanoTime() < deadline && last == 0) {
            if (first == 0 && expired(base, key, firstId)) {
                first = System.nanoTime();
            }
            if (first != 0 && expired(base, key, lastId)) {
                last = System.nanoTime();
            }
            Thread.sleep(50);
        }
        System.out.println("seconds=" + (last == 0 ? "NaN" : f((last - first) / 1e9)) + " complete=" + (last != 0));
    }

    static boolean expired(String base, String key, String taskId) throws Exception {
        HttpResponse<String> d = get(base + "/api/v1/runway/record-detail?taskId=" + taskId, key);
        return "1".equals(field(d.body(), "expireFlag"));
    }
}
