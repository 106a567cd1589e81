package io.reelgate.cli;

import io.reelgate.client.ReelgateAdminClient;
import io.reelgate.client.ReelgateClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where and as whom to connect. Each setting: the option, else the environment variable, else the data directory
 * file the server writes on first start (so on the server's machine everything works without configuration).
 */
final class Connection {

    private final String url;
    private final String apiKey;
    private final String adminToken;
    private final Path dataDir;

    Connection(String url, String apiKey, String adminToken, Path dataDir, Map<String, String> env) {
        this.url = url != null ? url : env.getOrDefault("REELGATE_URL", "http://localhost:8080");
        this.apiKey = apiKey != null ? apiKey : env.get("REELGATE_API_KEY");
        this.adminToken = adminToken != null ? adminToken : env.get("REELGATE_ADMIN_TOKEN");
        this.dataDir = dataDir != null ? dataDir : Path.of(env.getOrDefault("REELGATE_DATA_DIR", "./data"));
    }

    ReelgateClient client() {
        String key = apiKey != null ? apiKey : fromFile("dev-api-key.txt", "--api-key or REELGATE_API_KEY");
        return ReelgateClient.builder().baseUrl(url).apiKey(key).build();
    }

    ReelgateAdminClient admin() {
        String token = adminToken != null ? adminToken : fromFile("admin-token.txt", "--admin-token or REELGATE_ADMIN_TOKEN");
        return ReelgateClient.builder().baseUrl(url).buildAdmin(token);
    }

    private String fromFile(String name, String alternative) {
        Path file = dataDir.resolve(name);
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + " (" + e.getClass().getSimpleName() + "); pass "
                    + alternative + ", or --data-dir pointing at the server's data directory");
        }
    }
}
