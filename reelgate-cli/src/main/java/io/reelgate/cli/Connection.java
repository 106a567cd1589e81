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

    static final String HELP = """
            Connection options (every command):
              --url URL            server base URL (env REELGATE_URL, default http://localhost:8080)
              --api-key KEY        API key (env REELGATE_API_KEY, else <data-dir>/dev-api-key.txt)
              --admin-token TOKEN  admin token for 'keys' (env REELGATE_ADMIN_TOKEN, else <data-dir>/admin-token.txt)
              --data-dir DIR       server data directory (env REELGATE_DATA_DIR, default ./data)
            """;

    private final String url;
    private final String apiKey;
    private final String adminToken;
    private final Path dataDir;

    Connection(Args args, Map<String, String> env) {
        this.url = args.option("url", env.getOrDefault("REELGATE_URL", "http://localhost:8080"));
        this.apiKey = args.option("api-key", env.get("REELGATE_API_KEY"));
        this.adminToken = args.option("admin-token", env.get("REELGATE_ADMIN_TOKEN"));
        this.dataDir = Path.of(args.option("data-dir", env.getOrDefault("REELGATE_DATA_DIR", "./data")));
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
