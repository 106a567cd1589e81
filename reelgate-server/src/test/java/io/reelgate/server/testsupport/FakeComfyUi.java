package io.reelgate.server.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A ComfyUI server on loopback that answers with the documented shapes (docs/upstreams.md, "ComfyUI: endpoints" to
 * "ComfyUI: video outputs"): {@code /prompt} queues (or refuses with {@code node_errors}), {@code /queue} lists running
 * and pending prompts, {@code /history/{id}} answers {@code {}} until the prompt ended, then the entry with
 * {@code outputs} and {@code status.messages}; {@code /view} serves a real MP4 rendered at the workflow's width and
 * height. What a prompt does is scripted by its positive prompt text; {@code /ws?clientId=} is a real WebSocket that
 * sends the connect {@code status} and, on request, {@code progress} to the prompt's owner. It can be stopped
 * (connections refused and cut), started again on the same port, and "restarted" (queue and history forgotten, as
 * ComfyUI does).
 */
public final class FakeComfyUi implements AutoCloseable {

    public enum Outcome { SUCCEED, EXECUTION_ERROR, REFUSE, RUN_FOREVER }

    /** @param runningPolls history reads answered {@code {}} (running) before the prompt ends */
    public record Script(Outcome outcome, int runningPolls) {
    }

    public record Upload(String name, byte[] content) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int OUTPUT_FRAMES = 8;

    private final HttpServer http;
    private final WebSocketFront front;
    private final Map<String, OutputStream> sockets = new ConcurrentHashMap<>();
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final List<JsonNode> prompts = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> idsByText = new ConcurrentHashMap<>();
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private final List<JsonNode> interrupts = new CopyOnWriteArrayList<>();
    private final List<JsonNode> queueEdits = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Job> queue = new LinkedHashMap<>();
    private final Map<String, JsonNode> history = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger number = new AtomicInteger();

    private static final class Job {
        final String id;
        final int number;
        final JsonNode body;
        final Script script;
        int pollsLeft;

        Job(String id, int number, JsonNode body, Script script) {
            this.id = id;
            this.number = number;
            this.body = body;
            this.script = script;
            this.pollsLeft = script.runningPolls();
        }
    }

    /** HTTP and the WebSocket share one port, as in ComfyUI (see {@link WebSocketFront}). */
    public FakeComfyUi() {
        http = bind();
        http.start();
        front = new WebSocketFront(http.getAddress().getPort(), new WebSocketFront.Sockets() {
            @Override
            public void opened(String clientId, OutputStream out) {
                // the first frame after connect (docs/upstreams.md, "ComfyUI: WebSocket")
                ObjectNode status = NODES.objectNode().put("type", "status");
                status.putObject("data").put("sid", clientId).putObject("status").putObject("exec_info")
                        .put("queue_remaining", 0);
                WebSocketFront.sendText(out, status.toString());
                sockets.put(clientId, out);
            }

            @Override
            public void closed(String clientId, OutputStream out) {
                sockets.remove(clientId, out);
            }
        });
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + front.port();
    }

    /** What prompts whose positive text is {@code promptText} do; unscripted prompts succeed on the first read. */
    public void script(String promptText, Outcome outcome, int runningPolls) {
        scripts.put(promptText, new Script(outcome, runningPolls));
    }

    /** Bodies of {@code POST /prompt} in arrival order. */
    public List<JsonNode> prompts() {
        return List.copyOf(prompts);
    }

    /** The bodies whose positive prompt text is {@code promptText}. */
    public List<JsonNode> promptsWithText(String promptText) {
        return prompts.stream().filter(body -> promptText.equals(positiveText(body.path("prompt")))).toList();
    }

    /** The prompt ids this server gave prompts with that positive text, oldest first. */
    public List<String> promptIds(String promptText) {
        return List.copyOf(idsByText.getOrDefault(promptText, List.of()));
    }

    public List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    public List<JsonNode> interrupts() {
        return List.copyOf(interrupts);
    }

    public List<JsonNode> queueEdits() {
        return List.copyOf(queueEdits);
    }

    /** {@code METHOD /path} of every request, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Ends a running-forever prompt with success, as if the GPU just finished it. */
    public synchronized void finish(String promptText) {
        for (Job job : List.copyOf(queue.values())) {
            if (promptText.equals(positiveText(job.body.path("prompt")))) {
                succeed(job);
            }
        }
    }

    /** ComfyUI restarted: queue and history are gone (docs/upstreams.md, "ComfyUI: basics"), output files stay. */
    public synchronized void forgetQueueAndHistory() {
        queue.clear();
        history.clear();
    }

    /** Client ids with an open WebSocket. */
    public Set<String> socketClients() {
        return Set.copyOf(sockets.keySet());
    }

    /**
     * Sends {@code progress} (docs/upstreams.md, "ComfyUI: WebSocket") for the prompt with that text to the socket of
     * the client that queued it.
     */
    public synchronized void sendProgress(String promptText, int value, int max) {
        for (Job job : queue.values()) {
            if (promptText.equals(positiveText(job.body.path("prompt")))) {
                ObjectNode message = NODES.objectNode().put("type", "progress");
                message.putObject("data").put("value", value).put("max", max).put("prompt_id", job.id).put("node", "3");
                OutputStream socket = sockets.get(job.body.path("client_id").asString(""));
                if (socket != null) {
                    WebSocketFront.sendText(socket, message.toString());
                }
            }
        }
    }

    /** Connections are refused from now on, and open ones are cut. */
    public void stop() {
        front.stop();
        sockets.clear();
    }

    /** Listens again on the same port. */
    public void start() {
        front.start();
    }

    @Override
    public void close() {
        front.close();
        http.stop(0);
    }

    private HttpServer bind() {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            created.createContext("/", this::handle);
            created.setExecutor(Executors.newCachedThreadPool());
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.add(method + " " + path);
        try {
            if (method.equals("GET") && path.equals("/system_stats")) {
                json(exchange, 200, systemStats());
            } else if (method.equals("POST") && path.equals("/prompt")) {
                queuePrompt(exchange, JSON.readTree(body));
            } else if (method.equals("GET") && path.startsWith("/history/")) {
                json(exchange, 200, historyOf(path.substring("/history/".length())));
            } else if (method.equals("GET") && path.equals("/queue")) {
                json(exchange, 200, queueState());
            } else if (method.equals("POST") && path.equals("/interrupt")) {
                interrupt(body.length == 0 ? NODES.objectNode() : JSON.readTree(body));
                send(exchange, 200, new byte[0], "text/plain");
            } else if (method.equals("POST") && path.equals("/queue")) {
                deleteQueued(JSON.readTree(body));
                send(exchange, 200, new byte[0], "text/plain");
            } else if (method.equals("POST") && path.equals("/upload/image")) {
                upload(exchange, body);
            } else if (method.equals("GET") && path.equals("/view")) {
                view(exchange);
            } else {
                send(exchange, 404, "404: Not Found".getBytes(StandardCharsets.UTF_8), "text/plain");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, ("500 Internal Server Error\n" + e).getBytes(StandardCharsets.UTF_8), "text/plain");
        }
    }

    private synchronized void queuePrompt(HttpExchange exchange, JsonNode body) throws IOException {
        prompts.add(body);
        JsonNode graph = body.path("prompt");
        if (!graph.isObject()) {
            ObjectNode error = NODES.objectNode();
            error.putObject("error").put("type", "no_prompt").put("message", "No prompt provided").put("details", "")
                    .putObject("extra_info");
            error.putObject("node_errors");
            json(exchange, 400, error);
            return;
        }
        Script script = scripts.getOrDefault(positiveText(graph), new Script(Outcome.SUCCEED, 0));
        if (script.outcome() == Outcome.REFUSE) {
            json(exchange, 400, refusal(graph));
            return;
        }
        String id = UUID.randomUUID().toString();
        Job job = new Job(id, number.incrementAndGet(), body, script);
        queue.put(id, job);
        idsByText.computeIfAbsent(positiveText(graph), text -> new CopyOnWriteArrayList<>()).add(id);
        ObjectNode answer = NODES.objectNode().put("prompt_id", id).put("number", job.number);
        answer.putObject("node_errors");
        json(exchange, 200, answer);
    }

    /** The documented 400 for a model file that is not installed, on the workflow's model loader. */
    private static ObjectNode refusal(JsonNode graph) {
        String loader = nodeOfClass(graph, "UNETLoader");
        String model = graph.path(loader).path("inputs").path("unet_name").asString();
        String details = "unet_name: '" + model + "' not in (list of length 23)";
        ObjectNode answer = NODES.objectNode();
        answer.putObject("error").put("type", "prompt_outputs_failed_validation")
                .put("message", "Prompt outputs failed validation").put("details", details).putObject("extra_info");
        ObjectNode node = answer.putObject("node_errors").putObject(loader);
        node.put("class_type", "UNETLoader");
        node.putArray("dependent_outputs").add(nodeOfClass(graph, "SaveVideo"));
        ObjectNode error = node.putArray("errors").addObject();
        error.put("type", "value_not_in_list").put("message", "Value not in list").put("details", details);
        error.putObject("extra_info").put("input_name", "unet_name").putNull("input_config")
                .put("received_value", model);
        return answer;
    }

    private synchronized JsonNode historyOf(String id) {
        JsonNode ended = history.get(id);
        if (ended == null) {
            Job job = queue.get(id);
            if (job != null && job.script.outcome() != Outcome.RUN_FOREVER && job.pollsLeft-- <= 0) {
                if (job.script.outcome() == Outcome.SUCCEED) {
                    succeed(job);
                } else {
                    fail(job, "execution_error");
                }
                ended = history.get(id);
            }
        }
        ObjectNode answer = NODES.objectNode();
        if (ended != null) {
            answer.set(id, ended);
        }
        return answer;
    }

    private synchronized JsonNode queueState() {
        ObjectNode answer = NODES.objectNode();
        ArrayNode running = answer.putArray("queue_running");
        ArrayNode pending = answer.putArray("queue_pending");
        boolean first = true;
        for (Job job : queue.values()) {
            (first ? running : pending).add(queueItem(job));
            first = false;
        }
        return answer;
    }

    private synchronized void interrupt(JsonNode body) {
        interrupts.add(body);
        String id = body.path("prompt_id").asString(queue.isEmpty() ? "" : queue.keySet().iterator().next());
        Job job = queue.get(id);
        if (job != null && queue.keySet().iterator().next().equals(id)) {
            fail(job, "execution_interrupted");
        }
    }

    private synchronized void deleteQueued(JsonNode body) {
        queueEdits.add(body);
        String running = queue.isEmpty() ? "" : queue.keySet().iterator().next();
        for (JsonNode id : body.path("delete")) {
            if (!id.asString().equals(running)) {
                queue.remove(id.asString());
            }
        }
    }

    private void succeed(Job job) {
        JsonNode graph = job.body.path("prompt");
        String saveNode = nodeOfClass(graph, "SaveVideo");
        String prefix = graph.path(saveNode).path("inputs").path("filename_prefix").asString("ComfyUI");
        int slash = prefix.lastIndexOf('/');
        String subfolder = slash < 0 ? "" : prefix.substring(0, slash);
        String filename = prefix.substring(slash + 1) + "_00001_.mp4";
        int[] size = size(graph);
        files.put(subfolder + "/" + filename, TinyMp4.render(size[0], size[1], OUTPUT_FRAMES));
        ObjectNode entry = entry(job, "success", true);
        ObjectNode output = entry.putObject("outputs").putObject(saveNode);
        output.putArray("images").addObject().put("filename", filename).put("subfolder", subfolder).put("type", "output");
        output.putArray("animated").add(true);
        entry.withObject("status").withArray("messages").addArray().add("execution_success").addObject()
                .put("prompt_id", job.id).put("timestamp", System.currentTimeMillis());
        history.put(job.id, entry);
        queue.remove(job.id);
    }

    /** {@code execution_error} (an out-of-memory in the sampler) or {@code execution_interrupted}. */
    private void fail(Job job, String type) {
        ObjectNode entry = entry(job, "error", false);
        entry.putObject("outputs");
        ObjectNode data = entry.withObject("status").withArray("messages").addArray().add(type).addObject();
        String sampler = nodeOfClass(job.body.path("prompt"), "KSampler");
        data.put("prompt_id", job.id).put("node_id", sampler).put("node_type", "KSampler");
        data.putArray("executed").add("37").add("38");
        if (type.equals("execution_error")) {
            data.put("exception_message", "Allocation on device 0 would exceed allowed memory. (out of memory)\n")
                    .put("exception_type", "torch.OutOfMemoryError");
            data.putArray("traceback").add("Traceback (most recent call last): ...");
            data.putObject("current_inputs");
            data.putArray("current_outputs");
        }
        data.put("timestamp", System.currentTimeMillis());
        history.put(job.id, entry);
        queue.remove(job.id);
    }

    private static ObjectNode entry(Job job, String statusWord, boolean completed) {
        ObjectNode entry = NODES.objectNode();
        entry.set("prompt", queueItem(job));
        ObjectNode status = entry.putObject("status").put("status_str", statusWord).put("completed", completed);
        ArrayNode messages = status.putArray("messages");
        messages.addArray().add("execution_start").addObject().put("prompt_id", job.id)
                .put("timestamp", System.currentTimeMillis());
        ObjectNode cached = messages.addArray().add("execution_cached").addObject();
        cached.putArray("nodes");
        cached.put("prompt_id", job.id).put("timestamp", System.currentTimeMillis());
        return entry;
    }

    private static ArrayNode queueItem(Job job) {
        ArrayNode item = NODES.arrayNode().add(job.number).add(job.id);
        item.add(job.body.path("prompt"));
        item.addObject().put("client_id", job.body.path("client_id").asString(""));
        item.addArray().add(nodeOfClass(job.body.path("prompt"), "SaveVideo"));
        return item;
    }

    private void upload(HttpExchange exchange, byte[] body) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String boundary = "--" + type.substring(type.indexOf("boundary=") + "boundary=".length());
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int header = text.indexOf("name=\"image\"; filename=\"");
        if (header < 0) {
            send(exchange, 400, new byte[0], "text/plain");
            return;
        }
        int nameStart = header + "name=\"image\"; filename=\"".length();
        String name = text.substring(nameStart, text.indexOf('"', nameStart));
        int start = text.indexOf("\r\n\r\n", nameStart) + 4;
        int end = text.indexOf("\r\n" + boundary, start);
        byte[] content = new byte[end - start];
        System.arraycopy(body, start, content, 0, content.length);
        uploads.add(new Upload(name, content));
        files.put("input/" + name, content);
        json(exchange, 200, NODES.objectNode().put("name", name).put("subfolder", "").put("type", "input"));
    }

    private void view(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        byte[] file = files.get(query.getOrDefault("subfolder", "") + "/" + query.get("filename"));
        if (file == null) {
            send(exchange, 404, new byte[0], "text/plain");
        } else {
            send(exchange, 200, file, "video/mp4");
        }
    }

    private static JsonNode systemStats() {
        ObjectNode stats = NODES.objectNode();
        stats.putObject("system").put("os", "posix").put("ram_total", 67108864000L).put("ram_free", 50000000000L)
                .put("comfyui_version", "0.3.60").put("python_version", "3.12.3").put("pytorch_version", "2.8.0+cu128")
                .put("embedded_python", false);
        stats.putArray("devices").addObject().put("name", "cuda:0 NVIDIA L4 : cudaMallocAsync").put("type", "cuda")
                .put("index", 0).put("vram_total", 23580639232L).put("vram_free", 23000000000L);
        return stats;
    }

    /** The text of the first CLIPTextEncode in node order that has a script, else of the first one. */
    private String positiveText(JsonNode graph) {
        List<String> texts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> node : graph.properties()) {
            if ("CLIPTextEncode".equals(node.getValue().path("class_type").asString(""))) {
                texts.add(node.getValue().path("inputs").path("text").asString(""));
            }
        }
        return texts.stream().filter(scripts::containsKey).findFirst().orElse(texts.isEmpty() ? "" : texts.get(0));
    }

    private static String nodeOfClass(JsonNode graph, String classType) {
        for (Map.Entry<String, JsonNode> node : graph.properties()) {
            if (classType.equals(node.getValue().path("class_type").asString(""))) {
                return node.getKey();
            }
        }
        return graph.properties().iterator().next().getKey();
    }

    /** The width and height the workflow asks for (latent or scale node). */
    private static int[] size(JsonNode graph) {
        for (Map.Entry<String, JsonNode> node : graph.properties()) {
            JsonNode inputs = node.getValue().path("inputs");
            if (inputs.path("width").isInt() && inputs.path("height").isInt()) {
                return new int[] {inputs.path("width").asInt(), inputs.path("height").asInt()};
            }
        }
        return new int[] {TinyMp4.WIDTH, TinyMp4.HEIGHT};
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int split = pair.indexOf('=');
            values.put(URLDecoder.decode(split < 0 ? pair : pair.substring(0, split), StandardCharsets.UTF_8),
                    split < 0 ? "" : URLDecoder.decode(pair.substring(split + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, JSON.writeValueAsBytes(body), "application/json; charset=utf-8");
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String contentType) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }
}
