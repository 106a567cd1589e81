package io.reelgate.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.CallbackReceiver;
import io.reelgate.server.testsupport.FakeRunway;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.TestDataDirs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The secrets Reelgate handles (tenants' API keys, the admin token, the upstream API secret) are neither stored in
 * the database nor written to the log nor shown in the API document, after a key was created, used for a Runway
 * task with a callback, rotated and refused. Webhook signing secrets are the exception the threat model names: they
 * must be stored to sign (docs/security.md).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecretsEndToEndTest {

    private static final Path DATA_DIR = TestDataDirs.fresh("reelgate-secrets-");
    private static final FakeRunway RUNWAY = new FakeRunway();
    private static final CallbackReceiver RECEIVER = new CallbackReceiver();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void runway(DynamicPropertyRegistry registry) {
        registry.add("reelgate.data-dir", DATA_DIR::toString);
        RUNWAY.configure(registry);
        registry.add("reelgate.routing.generate", () -> "runway");
        registry.add("reelgate.outbound.allowed-hosts", () -> "127.0.0.1");
        registry.add("reelgate.callback.poll-interval", () -> "200ms");
    }

    @AfterAll
    static void stop() {
        RUNWAY.close();
        RECEIVER.close();
    }

    @Test
    void keysTokensAndUpstreamSecretsAreNeverStoredLoggedOrDocumented(CapturedOutput output) throws Exception {
        String base = "http://127.0.0.1:" + port;
        AdminHttp admin = new AdminHttp(base, DATA_DIR);
        AdminHttp.Key key = admin.createKey("secretive", 1000);
        KieHttp tenant = new KieHttp(base, key.secret());
        RUNWAY.acceptCreate("text_to_video", "secret boat", "sec-1");
        RUNWAY.taskAnswers("sec-1", RUNWAY.succeeded("sec-1"));
        String taskId = tenant.generate("{\"prompt\":\"secret boat\",\"duration\":5,\"quality\":\"720p\","
                + "\"aspectRatio\":\"16:9\",\"callBackUrl\":\"" + RECEIVER.url("/secret") + "\"}");
        tenant.awaitTerminal(taskId, Duration.ofSeconds(60));
        RECEIVER.await("/secret", 1, Duration.ofSeconds(60));
        String rotated = admin.post("/admin/api/keys/" + key.id() + "/rotate", "").data().get("secret").asString();
        assertThat(tenant.get("/api/v1/chat/credit").code()).isEqualTo(401);
        String adminToken = Files.readString(DATA_DIR.resolve("admin-token.txt")).trim();
        String apiDocs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        List<String> secrets = List.of(key.secret(), rotated, adminToken, FakeRunway.SECRET);
        String database = everyStoredValue();
        assertThat(database).as("the scan reads the rows").contains(key.id(), taskId, "sec-1");
        for (String secret : secrets) {
            String prefix = secret.substring(0, 12);
            assertThat(database).as("the database holds %s…", prefix).doesNotContain(secret);
            assertThat(output.getAll()).as("the log holds %s…", prefix).doesNotContain(secret);
            assertThat(apiDocs).as("the API document holds %s…", prefix).doesNotContain(secret);
        }
        assertThat(RECEIVER.at("/secret").get(0).headers().values()).noneMatch(v -> secrets.stream().anyMatch(v::contains));
    }

    /** Every value of every table of the application's schema, as text. */
    private String everyStoredValue() {
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE LOWER(table_schema) = 'public'")
                .query(String.class).list();
        StringBuilder all = new StringBuilder();
        for (String table : tables) {
            List<Map<String, Object>> rows = new ArrayList<>(jdbc.sql("SELECT * FROM \"" + table + "\"").query().listOfRows());
            rows.forEach(row -> row.values().forEach(value -> all.append(value).append('\n')));
        }
        assertThat(tables).map(String::toLowerCase).contains("api_key", "task");
        return all.toString();
    }
}
