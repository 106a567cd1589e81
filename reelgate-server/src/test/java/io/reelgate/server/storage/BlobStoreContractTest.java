package io.reelgate.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.server.account.ApiKeyRepository;
import io.reelgate.server.infra.DataDirectory;
import io.reelgate.server.infra.DatabaseKind;
import io.reelgate.server.task.NewTask;
import io.reelgate.server.task.RetentionSweep;
import io.reelgate.server.task.TaskKind;
import io.reelgate.server.task.TaskOutput;
import io.reelgate.server.task.TaskRepository;
import io.reelgate.server.task.TaskTransitions;
import io.reelgate.server.testsupport.BareTransitions;
import io.reelgate.server.testsupport.S3ProxyProcess;
import io.reelgate.server.testsupport.TestDataDirs;
import io.reelgate.server.testsupport.TestDatabases;
import io.reelgate.server.testsupport.TestTaskInputs;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** One contract, two stores: local files and S3 (s3proxy over real HTTP), retention sweep included. */
class BlobStoreContractTest {

    @TempDir
    static Path shared;

    private static S3ProxyProcess proxy;
    private static S3Client client;
    private static S3Presigner presigner;

    @BeforeAll
    static void startS3() {
        proxy = S3ProxyProcess.start(shared);
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(S3ProxyProcess.ACCESS_KEY, S3ProxyProcess.SECRET_KEY));
        S3Configuration pathStyle = S3Configuration.builder().pathStyleAccessEnabled(true).chunkedEncodingEnabled(false).build();
        client = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials).serviceConfiguration(pathStyle).endpointOverride(URI.create(proxy.endpoint()))
                .build();
        presigner = S3Presigner.builder().region(Region.US_EAST_1).credentialsProvider(credentials)
                .serviceConfiguration(pathStyle).endpointOverride(URI.create(proxy.endpoint())).build();
        client.createBucket(b -> b.bucket("contract"));
    }

    @AfterAll
    static void stopS3() {
        client.close();
        presigner.close();
        proxy.close();
    }

    static Stream<Arguments> stores() throws Exception {
        Path localRoot = TestDataDirs.fresh("blobs");
        return Stream.of(
                Arguments.of("local", new LocalBlobStore(new DataDirectory(localRoot.toString()))),
                Arguments.of("s3", new S3BlobStore(client, presigner, new StorageProperties.S3(proxy.endpoint(), "us-east-1",
                        "contract", S3ProxyProcess.ACCESS_KEY, S3ProxyProcess.SECRET_KEY, true, "presigned",
                        Duration.ofMinutes(5), false))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void putThenOpenReturnsTheSameBytesWithItsLength(String name, BlobStore store, @TempDir Path dir) throws Exception {
        byte[] bytes = randomBytes(300_000);
        Path file = Files.write(dir.resolve("in.bin"), bytes);

        store.put("results/t1/v1.mp4", file);

        var resource = store.open("results/t1/v1.mp4").orElseThrow();
        assertThat(resource.contentLength()).isEqualTo(bytes.length);
        try (InputStream in = resource.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aRangeCanBeReadWithoutTheBytesBeforeIt(String name, BlobStore store, @TempDir Path dir) throws Exception {
        byte[] bytes = randomBytes(100_000);
        store.put("results/t2/v.mp4", Files.write(dir.resolve("in.bin"), bytes));

        try (InputStream in = store.open("results/t2/v.mp4").orElseThrow().getInputStream()) {
            in.skipNBytes(70_000);
            assertThat(in.readNBytes(1000)).isEqualTo(java.util.Arrays.copyOfRange(bytes, 70_000, 71_000));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void replacingAndDeletingWorkAndMissingKeysAreEmpty(String name, BlobStore store, @TempDir Path dir) throws Exception {
        store.put("uploads/ns/a.png", Files.write(dir.resolve("1"), new byte[] {1, 2, 3}));
        store.put("uploads/ns/a.png", Files.write(dir.resolve("2"), new byte[] {4, 5}));
        try (InputStream in = store.open("uploads/ns/a.png").orElseThrow().getInputStream()) {
            assertThat(in.readAllBytes()).containsExactly(4, 5);
        }

        store.delete("uploads/ns/a.png");
        store.delete("uploads/ns/a.png");

        assertThat(store.open("uploads/ns/a.png")).isEmpty();
        assertThat(store.open("results/never/x.mp4")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aFolderIsDeletedWholeAndNothingBesideIt(String name, BlobStore store, @TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("f"), new byte[] {1});
        store.put("results/f1/a.mp4", file);
        store.put("results/f1/a.jpg", file);
        store.put("results/f1/deeper/b.jpg", file);
        store.put("results/f10/c.mp4", file);

        store.deleteFolder("results/f1");
        store.deleteFolder("results/f1");
        store.deleteFolder("results/never");

        assertThat(store.open("results/f1/a.mp4")).isEmpty();
        assertThat(store.open("results/f1/a.jpg")).isEmpty();
        assertThat(store.open("results/f1/deeper/b.jpg")).isEmpty();
        assertThat(store.open("results/f10/c.mp4")).as("a folder whose name only starts alike").isPresent();
        assertThatThrownBy(() -> store.deleteFolder("results/../..")).isInstanceOf(StorageException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void keysThatEscapeTheStoreAreRefused(String name, BlobStore store, @TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("x"), new byte[] {1});

        assertThatThrownBy(() -> store.put("../outside", file)).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> store.open("results/../../etc/passwd")).isInstanceOf(StorageException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void presignedUrlsServeTheObjectDirectlyWhenConfigured(String name, BlobStore store, @TempDir Path dir) throws Exception {
        store.put("results/t3/v.mp4", Files.write(dir.resolve("in"), new byte[] {9, 8, 7}));

        var direct = store.directUrl("results/t3/v.mp4");

        if (name.equals("local")) {
            assertThat(direct).isEmpty();
            return;
        }
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(direct.orElseThrow()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsExactly(9, 8, 7);
        assertThat(response.headers().firstValue("content-type")).hasValue("video/mp4");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void theRetentionSweepDeletesExpiredResultsFromTheStore(String name, BlobStore store, @TempDir Path dir) throws Exception {
        DataSource dataSource = TestDatabases.migrated(TestDatabases.Kind.H2);
        var jdbc = JdbcClient.create(dataSource);
        var tasks = new TaskRepository(jdbc);
        var transitions = BareTransitions.on(jdbc, dataSource, tasks, event -> { }, DatabaseKind.of(false));
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        String keyId = new ApiKeyRepository(jdbc).create("k", "rg_" + name, t0);
        String taskId = UUID.randomUUID().toString();
        tasks.insert(new NewTask(taskId, keyId, TaskKind.GENERATE, null,
                "preview", TestTaskInputs.textToVideo("p").aspectRatio("1:1").build(), 0, t0, null, null, "test", java.util.List.of()));
        transitions.admit(taskId, t0);
        transitions.claim(taskId, "node", t0.plusSeconds(30), t0);
        String video = "results/" + taskId + "/v.mp4";
        String cover = "results/" + taskId + "/v.jpg";
        store.put(video, Files.write(dir.resolve("v"), new byte[] {1}));
        store.put(cover, Files.write(dir.resolve("c"), new byte[] {2}));
        // what an earlier run stored before its node died, named by no row
        String earlierRun = "results/" + taskId + "/earlier-run.mp4";
        store.put(earlierRun, Files.write(dir.resolve("e"), new byte[] {3}));
        transitions.succeed(taskId, "node", new TaskOutput("v", video, cover, null, 720, 720,
                t0.plus(Duration.ofDays(14))), t0);
        RetentionSweep sweep = new RetentionSweep(tasks, transitions, store,
                new RetentionProperties(Duration.ofDays(14), Duration.ofMinutes(10), 500),
                Clock.fixed(t0.plus(Duration.ofDays(15)), ZoneOffset.UTC));

        assertThat(sweep.sweep()).isEqualTo(1);

        assertThat(store.open(video)).isEmpty();
        assertThat(store.open(cover)).isEmpty();
        assertThat(store.open(earlierRun)).isEmpty();
        assertThat(tasks.findById(taskId).orElseThrow().expired()).isTrue();
        assertThat(sweep.sweep()).as("nothing left to expire").isZero();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
