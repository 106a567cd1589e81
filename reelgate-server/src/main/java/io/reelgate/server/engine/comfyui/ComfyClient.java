package io.reelgate.server.engine.comfyui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ComfyUI HTTP calls the engine makes (docs/upstreams.md, "ComfyUI: endpoints" to "ComfyUI: files"). Connection
 * failures, timeouts and 5xx become {@link ComfyUnreachableException} (try another server, or poll again); a refused
 * prompt becomes {@link ComfyRejectedException} carrying the node and message. No retries here: the pool moves on to
 * the next server and the poller has its own schedule.
 */
class ComfyClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The prompt ids ComfyUI holds in memory: running and waiting. */
    record Queue(Set<String> running, Set<String> pending) {
    }

    private final HttpClient http;
    private final Duration timeout;

    ComfyClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@code GET /system_stats}: the liveness probe. */
    void systemStats(ComfyServer server) {
        json(server, send(server, get(server, "/system_stats")));
    }

    /**
     * {@code POST /upload/image} (any file type: docs/upstreams.md, "ComfyUI: files") with {@code overwrite=true}, so a
     * resubmission replaces its own earlier upload; answers the name to put into the workflow ({@code subfolder/name}
     * when ComfyUI chose one).
     */
    String upload(ComfyServer server, String fileName, byte[] content) {
        String boundary = "reelgate-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"overwrite\"\r\n\r\ntrue\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\ninput\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = request(server, "/upload/image")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofByteArray(content), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        HttpResponse<String> response = send(server, request);
        if (response.statusCode() == 413) {
            throw new ComfyRejectedException("ComfyUI server " + server.name() + " refused the " + content.length
                    + "-byte input as too large (raise its --max-upload-size)");
        }
        JsonNode answer = json(server, response);
        String name = answer.path("name").asString("");
        if (name.isEmpty()) {
            throw new ComfyUnreachableException("ComfyUI server " + server.name() + " answered an upload without a name");
        }
        String subfolder = answer.path("subfolder").asString("");
        return subfolder.isEmpty() ? name : subfolder + "/" + name;
    }

    /** {@code POST /prompt}; answers the prompt id. 400 (validation) becomes a rejection naming the nodes. */
    String queuePrompt(ComfyServer server, ObjectNode workflow, String clientId) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("prompt", workflow);
        body.put("client_id", clientId);
        HttpRequest request = request(server, "/prompt")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = send(server, request);
        if (response.statusCode() == 400 || response.statusCode() == 413) {
            throw new ComfyRejectedException(PromptErrors.describe(server, response.statusCode(), response.body()));
        }
        JsonNode answer = json(server, response);
        String promptId = answer.path("prompt_id").asString("");
        // a 200 may still carry node_errors: only the valid outputs were queued, which is not the whole workflow
        if (answer.path("node_errors").isObject() && !answer.path("node_errors").isEmpty()) {
            if (!promptId.isEmpty()) {
                stop(server, promptId);
            }
            throw new ComfyRejectedException(PromptErrors.describe(server, response.statusCode(), response.body()));
        }
        if (promptId.isEmpty()) {
            throw new ComfyUnreachableException("ComfyUI server " + server.name() + " answered without a prompt_id");
        }
        return promptId;
    }

    /** {@code GET /history/{id}}: the entry once the prompt ended; empty while pending, running, or unknown. */
    Optional<JsonNode> history(ComfyServer server, String promptId) {
        JsonNode answer = json(server, send(server, get(server, "/history/" + encode(promptId))));
        JsonNode entry = answer.path(promptId);
        return entry.isObject() ? Optional.of(entry) : Optional.empty();
    }

    /** {@code GET /queue}. */
    Queue queue(ComfyServer server) {
        JsonNode answer = json(server, send(server, get(server, "/queue")));
        return new Queue(ids(answer.path("queue_running")), ids(answer.path("queue_pending")));
    }

    /**
     * Stops a prompt: {@code POST /queue {"delete":[id]}} takes it out of the queue if it still waits; if it runs,
     * {@code POST /interrupt {"prompt_id"}}. Interrupting only a running prompt matters on older builds, which ignore
     * the body and interrupt whatever runs (docs/upstreams.md, "ComfyUI: pitfalls"): they would otherwise stop another
     * task's prompt.
     */
    void stop(ComfyServer server, String promptId) {
        ObjectNode delete = JsonNodeFactory.instance.objectNode();
        delete.putArray("delete").add(promptId);
        send(server, post(server, "/queue", delete));
        if (queue(server).running().contains(promptId)) {
            send(server, post(server, "/interrupt", JsonNodeFactory.instance.objectNode().put("prompt_id", promptId)));
        }
    }

    /** {@code GET /view?filename=&subfolder=&type=} into {@code target}, at most {@code maxBytes}. */
    void download(ComfyServer server, String viewQuery, Path target, long maxBytes) {
        HttpRequest request = request(server, "/view?" + viewQuery).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unreachable(server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComfyUnreachableException("Interrupted while downloading from ComfyUI server " + server.name());
        }
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(target)) {
            if (response.statusCode() != 200) {
                throw new ComfyUnreachableException("ComfyUI server " + server.name() + " answered HTTP "
                        + response.statusCode() + " to /view");
            }
            byte[] buffer = new byte[65536];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new ComfyRejectedException("The ComfyUI result is larger than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw unreachable(server, e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest get(ComfyServer server, String path) {
        return request(server, path).header("Accept", "application/json").GET().build();
    }

    private HttpRequest post(ComfyServer server, String path, JsonNode body) {
        return request(server, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    private HttpRequest.Builder request(ComfyServer server, String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(timeout);
    }

    private HttpResponse<String> send(ComfyServer server, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComfyUnreachableException("Interrupted while calling ComfyUI server " + server.name());
        }
        if (response.statusCode() >= 500) {
            throw new ComfyUnreachableException("ComfyUI server " + server.name() + " answered HTTP "
                    + response.statusCode() + " to " + request.uri().getPath());
        }
        return response;
    }

    private static JsonNode json(ComfyServer server, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new ComfyUnreachableException("ComfyUI server " + server.name() + " answered HTTP "
                    + response.statusCode() + " to " + response.uri().getPath());
        }
        try {
            return response.body().isBlank() ? JsonNodeFactory.instance.objectNode() : JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new ComfyUnreachableException("ComfyUI server " + server.name() + " answered unreadable JSON to "
                    + response.uri().getPath());
        }
    }

    private static Set<String> ids(JsonNode items) {
        Set<String> ids = new HashSet<>();
        for (JsonNode item : items) {
            // queue items are [number, prompt_id, prompt, extra_data, outputs] (docs/upstreams.md,
            // "ComfyUI: queue and history")
            if (item.isArray() && item.size() > 1) {
                ids.add(item.get(1).asString(""));
            }
        }
        return ids;
    }

    private static ComfyUnreachableException unreachable(ComfyServer server, IOException e) {
        return new ComfyUnreachableException("ComfyUI server " + server.name() + " could not be reached ("
                + e.getClass().getSimpleName() + ")");
    }
}
