package io.reelgate.server.api.kie.veo;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.VideoProbe;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What the Veo end-to-end tests do over HTTP: keys, submits, record-info polls and result downloads. */
final class VeoTasks {

    static final Duration TIMEOUT = Duration.ofSeconds(180);

    /** A client whose key signs its callbacks with {@code secret}. */
    record Signed(KieHttp client, String secret) {
    }

    private VeoTasks() {
    }

    static Signed signed(String baseUrl, Path dataDir, String name, long credits) {
        AdminHttp admin = new AdminHttp(baseUrl, dataDir);
        AdminHttp.Key key = admin.createKey(name, credits);
        String secret = admin.post("/admin/api/keys/" + key.id() + "/webhook-secret", "").data().asString();
        return new Signed(new KieHttp(baseUrl, key.secret()), secret);
    }

    static KieHttp keyWith(String baseUrl, Path dataDir, String name, long credits) {
        return new KieHttp(baseUrl, new AdminHttp(baseUrl, dataDir).createKey(name, credits).secret());
    }

    static String create(KieHttp client, String body) {
        KieHttp.Answer created = client.postJson(VeoController.GENERATE, body);
        assertThat(created.code()).as(created.body().toString()).isEqualTo(200);
        return created.data().get("taskId").asString();
    }

    static JsonNode record(KieHttp client, String taskId) {
        KieHttp.Answer answer = client.get(VeoController.RECORD_INFO + "?taskId=" + taskId);
        assertThat(answer.code()).as(answer.body().toString()).isEqualTo(200);
        return answer.data();
    }

    static JsonNode awaitFlag(KieHttp client, String taskId, int flag) {
        JsonNode record = Await.until(TIMEOUT, "task " + taskId + " ends", () -> record(client, taskId),
                r -> r.get("successFlag").asInt() != 0);
        assertThat(record.get("successFlag").asInt()).as(record.toString()).isEqualTo(flag);
        return record;
    }

    static VideoProbe.Info download(KieHttp client, Path dir, String url) throws IOException {
        Path file = Files.createTempFile(dir, "result", ".mp4");
        client.download(URI.create(url).toString(), file);
        return VideoProbe.probe(file);
    }

    /**
     * Each key with the JSON type of its value, nested objects by their own keys: the shape two bodies share. An
     * array counts as an array whatever it holds (16:9 videos list no uncropped original); URL items are checked
     * where they must be present.
     */
    static Map<String, Object> typesOf(JsonNode node) {
        Map<String, Object> types = new LinkedHashMap<>();
        node.properties().forEach(e -> types.put(e.getKey(),
                e.getValue().isObject() ? typesOf(e.getValue()) : e.getValue().getNodeType()));
        return types;
    }
}
