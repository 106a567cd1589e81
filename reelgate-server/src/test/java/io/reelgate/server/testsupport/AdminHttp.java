package io.reelgate.server.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/** The operator's side of the HTTP API, authenticated with the admin token from the data directory. */
public final class AdminHttp {

    private final KieHttp http;

    public AdminHttp(String baseUrl, Path dataDir) {
        try {
            this.http = new KieHttp(baseUrl, Files.readString(dataDir.resolve("admin-token.txt")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Key(String id, String secret) {
    }

    public Key createKey(String name, long credits) {
        KieHttp.Answer answer = http.postJson("/admin/api/keys", "{\"name\":\"" + name + "\",\"credits\":" + credits + "}");
        if (answer.code() != 200) {
            throw new AssertionError("key creation refused: " + answer.body());
        }
        JsonNode data = answer.data();
        return new Key(data.get("key").get("id").asString(), data.get("secret").asString());
    }

    public KieHttp.Answer post(String path, String json) {
        return http.postJson(path, json);
    }

    public KieHttp.Answer put(String path, String json) {
        return http.send(http.authorized(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public KieHttp.Answer delete(String path) {
        return http.send(http.authorized(path).DELETE().build());
    }

    public KieHttp.Answer get(String path) {
        return http.get(path);
    }
}
