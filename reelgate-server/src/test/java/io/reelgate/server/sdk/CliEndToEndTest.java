package io.reelgate.server.sdk;

import java.util.List;
import java.nio.file.Path;
import io.reelgate.server.testsupport.TestDataDirs;
import io.reelgate.server.testsupport.VideoProbe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.cli.ReelgateCli;
import io.reelgate.client.ReelgateClient;
import io.reelgate.client.errors.AuthenticationException;
import io.reelgate.server.testsupport.CallbackReceiver;
import io.reelgate.server.testsupport.EndToEndTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The CLI run in-process against the real server, configured the way an operator would: URL plus data dir. */
class CliEndToEndTest extends EndToEndTest {

    private record Result(int exit, String out, String err) {
    }

    private Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ReelgateCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("REELGATE_URL", baseUrl(), "REELGATE_DATA_DIR", DATA_DIR.toString()));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String field(String output, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ":\\s+(\\S+)$").matcher(output);
        assertThat(m.find()).as(name + " in:\n" + output).isTrue();
        return m.group(1);
    }

    @Test
    void keyLifecycle() {
        Result created = cli("keys", "create", "--name", "cli-x", "--credits", "50");
        assertThat(created.exit()).as(created.err()).isZero();
        String id = field(created.out(), "id");
        String secret = field(created.out(), "secret");
        assertThat(field(created.out(), "credits")).isEqualTo("50");
        assertThat(created.err()).contains("shown only once");

        Result list = cli("keys", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("ID", "NAME", "CREDITS").containsPattern(id + "\\s+cli-x\\s+\\S+\\s+50\\s+enabled");
        assertThat(list.out()).doesNotContain(secret);

        Result credits = cli("keys", "credits", id, "--add", "10", "--note", "top up");
        assertThat(credits.out()).isEqualTo("balance: 60\n");
        assertThat(cli("keys", "ledger", id).out()).contains("top up").containsPattern("\\s10\\s+60\\s");

        ReelgateClient asKey = ReelgateClient.builder().baseUrl(baseUrl()).apiKey(secret).build();
        assertThat(asKey.credits()).isEqualTo(60);
        assertThat(cli("credits", "--api-key", secret).out()).isEqualTo("60\n");

        assertThat(cli("keys", "disable", id).out()).containsPattern("cli-x.*disabled");
        assertThatThrownBy(asKey::credits).isInstanceOf(AuthenticationException.class);
        Result refused = cli("credits", "--api-key", secret);
        assertThat(refused.exit()).isEqualTo(ReelgateCli.API_ERROR);
        assertThat(refused.err()).contains("401");

        assertThat(cli("keys", "enable", id).exit()).isZero();
        assertThat(asKey.credits()).isEqualTo(60);

        Result rotated = cli("keys", "rotate", id);
        assertThat(field(rotated.out(), "secret")).isNotEqualTo(secret);
        assertThatThrownBy(asKey::credits).isInstanceOf(AuthenticationException.class);
        assertThat(field(cli("keys", "webhook-secret", id).out(), "webhookSecret")).isNotBlank();
    }

    @Test
    void adminCommandsRefuseAWrongToken() {
        Result result = cli("keys", "list", "--admin-token", "wrong");
        assertThat(result.exit()).isEqualTo(ReelgateCli.API_ERROR);
        assertThat(result.err()).contains("401");
        assertThat(cli("keys", "disable", "no-such-key").exit()).isEqualTo(ReelgateCli.API_ERROR);
    }

    @Test
    void generateWithAModelGoesThroughTheMarketApiAndSavesTheResult() throws Exception {
        Path out = TestDataDirs.freshFile("cli-model", ".mp4");
        Result generated = cli("generate", "--model", "kling-2.6/text-to-video", "--prompt", "a fox in the snow",
                "--duration", "5", "--aspect", "16:9", "--input", "sound=false", "--out", out.toString(),
                "--timeout", "120");

        assertThat(generated.exit()).as(generated.err()).isZero();
        assertThat(generated.out()).contains("videoUrl: ");
        VideoProbe.Info video = VideoProbe.probe(out);
        assertThat(List.of(video.width(), video.height(), video.decodedFrames())).containsExactly(1920, 1080, 120);

        Result refused = cli("generate", "--model", "kling-2.6/text-to-video", "--prompt", "p", "--input", "sound=maybe");
        assertThat(refused.exit()).isEqualTo(ReelgateCli.API_ERROR);
        assertThat(refused.err()).contains("input.sound");
    }

    @Test
    void generateAndExtendPassTheSharedOutputOptions() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            Result generated = cli("generate", "--prompt", "a kite", "--watermark", "CLI", "--callback-url",
                    receiver.url("/generate"), "--wait", "--timeout", "60");
            assertThat(generated.exit()).as(generated.err()).isZero();
            String taskId = field(generated.out(), "taskId");
            assertThat(receiver.await("/generate", 1, Duration.ofSeconds(30)).get(0).body()).contains(taskId);

            Result extended = cli("extend", taskId, "--prompt", "it flies away", "--watermark", "CLI",
                    "--callback-url", receiver.url("/extend"), "--wait", "--timeout", "60");
            assertThat(extended.exit()).as(extended.err()).isZero();
            assertThat(receiver.await("/extend", 1, Duration.ofSeconds(30)).get(0).body())
                    .contains(field(extended.out(), "taskId"));
        }
    }

    @Test
    void generateWaitPrintsTheVideoUrlAndStatusShowsIt() {
        Result generated = cli("generate", "--prompt", "a red kite", "--wait", "--timeout", "60");
        assertThat(generated.exit()).as(generated.err()).isZero();
        String taskId = field(generated.out(), "taskId");
        String videoUrl = field(generated.out(), "videoUrl");
        assertThat(videoUrl).startsWith("http").endsWith(".mp4");
        assertThat(generated.err()).contains("state: success");

        Result status = cli("status", taskId);
        assertThat(field(status.out(), "state")).isEqualTo("success");
        assertThat(field(status.out(), "videoUrl")).isEqualTo(videoUrl);
        assertThat(Long.parseLong(cli("credits").out().trim())).isNotNegative();
    }

    @Test
    void aFailingGenerationExitsWithFourAndAnInvalidOneWithThree() {
        Result failed = cli("generate", "--prompt", "p", "--image-url", "http://127.0.0.1:9/x.png", "--wait");
        assertThat(failed.exit()).isEqualTo(ReelgateCli.TASK_FAILED);
        assertThat(failed.err()).contains("failed: 400");
        Result invalid = cli("generate", "--prompt", "p", "--duration", "7");
        assertThat(invalid.exit()).isEqualTo(ReelgateCli.API_ERROR);
        assertThat(invalid.err()).contains("422", "duration");
    }

    @Test
    void jsonOutputIsTheSdkRecords() {
        Result generated = cli("generate", "--prompt", "json kite", "--aspect", "1:1", "--wait", "--json");
        assertThat(generated.exit()).as(generated.err()).isZero();
        assertThat(generated.out().trim()).startsWith("{").endsWith("}")
                .contains("\"state\":\"success\"", "\"videoUrl\":\"http");
        assertThat(cli("credits", "--json").out()).matches("\\{\"credits\":\\d+}\\s*");
        Result submitted = cli("generate", "--prompt", "json only", "--aspect", "1:1", "--json");
        assertThat(submitted.out()).matches("\\{\"taskId\":\"[^\"]+\"}\\s*");
    }

    @Test
    void aLocalImageIsUploadedFirst() throws Exception {
        java.nio.file.Path png = TestDataDirs.freshFile("cli-image", ".png");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 36, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", png.toFile());
        Result generated = cli("generate", "--prompt", "from a file", "--image", png.toString(), "--wait", "--timeout", "60");
        assertThat(generated.exit()).as(generated.err()).isZero();
        assertThat(generated.err()).contains("uploaded " + png);
        String taskId = field(generated.out(), "taskId");
        assertThat(ReelgateClient.builder().baseUrl(baseUrl()).apiKey(devKeyUnchecked()).build()
                .recordDetail(taskId).generateParam().imageUrl()).startsWith("http");
    }

    @Test
    void extendAndAlephRunFromTheCommandLine() throws Exception {
        Result parent = cli("generate", "--prompt", "a harbour", "--aspect", "1:1", "--wait", "--timeout", "60");
        assertThat(parent.exit()).as(parent.err()).isZero();
        String parentId = field(parent.out(), "taskId");
        java.nio.file.Path out = TestDataDirs.freshFile("cli-extension", ".mp4");

        Result extended = cli("extend", parentId, "--prompt", "boats leave", "--wait", "--timeout", "60", "--out", out.toString());
        assertThat(extended.exit()).as(extended.err()).isZero();
        assertThat(io.reelgate.server.testsupport.VideoProbe.probe(out).width()).isEqualTo(720);

        Result aleph = cli("aleph", "--prompt", "black and white", "--video", out.toString(), "--wait", "--timeout", "90");
        assertThat(aleph.exit()).as(aleph.err()).isZero();
        assertThat(aleph.err()).contains("uploaded " + out);
        assertThat(aleph.out()).contains(".mp4");
    }

    private static String devKeyUnchecked() {
        try {
            return devKey();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
