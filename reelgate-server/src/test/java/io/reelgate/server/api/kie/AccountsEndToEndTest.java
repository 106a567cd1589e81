package io.reelgate.server.api.kie;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.EndToEndTest;
import io.reelgate.server.testsupport.KieHttp.Answer;
import io.reelgate.server.testsupport.KieHttp;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Keys, credits and the ledger over real HTTP, with two keys that must never see each other. */
class AccountsEndToEndTest extends EndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String CHEAP = "{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}";

    private AdminHttp admin;

    @BeforeEach
    void connectAdmin() {
        admin = new AdminHttp(baseUrl(), DATA_DIR);
    }

    @Test
    void creditEndpointAnswersTheBareIntegerBalanceAndSubmitsChargeThePriceTable() {
        KieHttp alice = client(admin.createKey("alice", 200));

        assertThat(alice.get("/api/v1/chat/credit").body().toString()).isEqualTo("{\"code\":200,\"msg\":\"success\",\"data\":200}");
        alice.generate(CHEAP);
        alice.generate("{\"prompt\":\"p\",\"duration\":10,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");
        alice.generate("{\"prompt\":\"p\",\"duration\":5,\"quality\":\"1080p\",\"aspectRatio\":\"1:1\"}");

        assertThat(alice.get("/api/v1/chat/credit").data().asLong()).isEqualTo(200 - 12 - 30 - 30);
    }

    @Test
    void tooLowABalanceIsThe402AnswerAndCreatesNoTask() {
        KieHttp poor = client(admin.createKey("poor", 10));

        Answer answer = poor.postJson("/api/v1/runway/generate", CHEAP);

        assertThat(answer.code()).isEqualTo(402);
        assertThat(answer.msg()).isEqualTo("Insufficient credits: this task costs 12 credits but the balance is 10");
        assertThat(ledger(poor)).hasSize(1);
        assertThat(poor.get("/api/v1/chat/credit").data().asLong()).isEqualTo(10);
    }

    @Test
    void aFailingTaskIsRefundedOnceAndTheLedgerSumsToTheBalance() {
        KieHttp bob = client(admin.createKey("bob", 100));
        String taskId = bob.generate("{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"imageUrl\":\"http://127.0.0.1:9/x.png\"}");

        assertThat(bob.awaitTerminal(taskId, TIMEOUT).get("state").asString()).isEqualTo("fail");

        JsonNode entries = ledger(bob);
        long refunds = 0;
        long sum = 0;
        for (JsonNode entry : entries) {
            sum += entry.get("delta").asLong();
            if (entry.get("reason").asString().equals("refund")) {
                refunds++;
                assertThat(entry.get("taskId").asString()).isEqualTo(taskId);
            }
        }
        assertThat(refunds).isEqualTo(1);
        assertThat(sum).isEqualTo(100);
        assertThat(bob.get("/api/v1/chat/credit").data().asLong()).isEqualTo(100);
    }

    @Test
    void twoKeysNeverSeeEachOthersTasksOrLedger() {
        KieHttp carol = client(admin.createKey("carol", 100));
        KieHttp dave = client(admin.createKey("dave", 50));
        String carolsTask = carol.generate(CHEAP);

        assertThat(dave.get("/api/v1/runway/record-detail?taskId=" + carolsTask).code()).isEqualTo(404);
        assertThat(dave.postJson("/api/v1/runway/extend", "{\"taskId\":\"" + carolsTask + "\",\"prompt\":\"p\",\"quality\":\"720p\"}")
                .code()).isEqualTo(404);
        for (JsonNode entry : ledger(dave)) {
            assertThat(entry.get("taskId").isNull() || !entry.get("taskId").asString().equals(carolsTask)).isTrue();
        }
        assertThat(ledger(dave)).hasSize(1);
        assertThat(dave.get("/api/v1/chat/credit").data().asLong()).isEqualTo(50);
    }

    @Test
    void disabledAndRotatedKeysAreRefusedWithTheDocumented401() {
        AdminHttp.Key key = admin.createKey("erin", 30);
        KieHttp erin = client(key);
        assertThat(erin.get("/api/v1/chat/credit").code()).isEqualTo(200);

        admin.post("/admin/api/keys/" + key.id() + "/disable", "");
        Answer disabled = erin.get("/api/v1/chat/credit");
        admin.post("/admin/api/keys/" + key.id() + "/enable", "");
        String rotated = admin.post("/admin/api/keys/" + key.id() + "/rotate", "").data().get("secret").asString();

        assertThat(disabled.code()).isEqualTo(401);
        assertThat(disabled.msg()).isEqualTo("You do not have access permissions");
        assertThat(erin.get("/api/v1/chat/credit").code()).as("old secret after rotation").isEqualTo(401);
        assertThat(new KieHttp(baseUrl(), rotated).get("/api/v1/chat/credit").data().asLong()).isEqualTo(30);
    }

    @Test
    void adminApiListsKeysWithoutSecretsAndTopsUpThroughTheLedger() {
        AdminHttp.Key key = admin.createKey("frank", 0);

        Answer topUp = admin.post("/admin/api/keys/" + key.id() + "/credits", "{\"amount\":40,\"note\":\"invoice 7\"}");
        Answer list = admin.get("/admin/api/keys");

        assertThat(topUp.data().asLong()).isEqualTo(40);
        assertThat(list.body().toString()).doesNotContain(key.secret()).contains("\"name\":\"frank\"");
        JsonNode keyLedger = admin.get("/admin/api/keys/" + key.id() + "/ledger").data();
        assertThat(keyLedger).hasSize(1);
        assertThat(keyLedger.get(0).get("note").asString()).isEqualTo("invoice 7");
        Answer overdraw = admin.post("/admin/api/keys/" + key.id() + "/credits", "{\"amount\":-41}");
        assertThat(overdraw.code()).isEqualTo(402);
    }

    @Test
    void theAdminApiRefusesApiKeysAndMissingTokens() throws Exception {
        Answer withApiKey = kie.get("/admin/api/keys");
        Answer withNothing = new KieHttp(baseUrl(), "").send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/admin/api/keys")).GET().build());

        assertThat(withApiKey.status()).isEqualTo(401);
        assertThat(withApiKey.msg()).isEqualTo("Admin token required");
        assertThat(withApiKey.raw().headers().firstValue("Content-Type")).as("like every other filter error")
                .hasValue("application/json;charset=UTF-8");
        assertThat(withNothing.status()).isEqualTo(401);
    }

    /** Found by {@link ApiFuzzTest}: a non-numeric or out-of-range limit used to be an unexpected 500. */
    @Test
    void aLedgerLimitThatIsNotAWholeNumberIsA422NamingIt() {
        for (String limit : new String[] {"abc", "1.5", "99999999999"}) {
            Answer answer = kie.get("/api/v1/account/ledger?limit=" + limit);
            assertThat(answer.code()).as(limit).isEqualTo(422);
            assertThat(answer.msg()).isEqualTo("limit must be a whole number");
        }
        Answer admin = this.admin.get("/admin/api/keys/no-such-key/ledger?limit=x");
        assertThat(admin.code()).isEqualTo(422);
        assertThat(admin.msg()).isEqualTo("limit must be a whole number");
    }

    /** Found by {@link ApiFuzzTest}: {@code "name":0} used to create a key named "0". */
    @Test
    void aKeyNameThatIsNotAStringIsRefused() {
        for (String name : new String[] {"0", "true", "[\"a\"]", "{\"a\":1}"}) {
            Answer answer = admin.post("/admin/api/keys", "{\"name\":" + name + ",\"credits\":1}");
            assertThat(answer.code()).as(name).isEqualTo(422);
            assertThat(answer.msg()).isEqualTo("name must be a string");
        }
    }

    private KieHttp client(AdminHttp.Key key) {
        return new KieHttp(baseUrl(), key.secret());
    }

    private static JsonNode ledger(KieHttp client) {
        return client.get("/api/v1/account/ledger").data();
    }
}
