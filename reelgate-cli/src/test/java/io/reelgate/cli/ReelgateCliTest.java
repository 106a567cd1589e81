package io.reelgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage handling, which needs no server; the commands themselves are tested end to end in reelgate-server. */
class ReelgateCliTest {

    @TempDir
    Path emptyDataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ReelgateCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("REELGATE_DATA_DIR", emptyDataDir.toString(), "REELGATE_URL", "http://127.0.0.1:9"));
    }

    @Test
    void helpEverywhere() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("keys", "generate", "extend", "aleph", "status", "watch", "cancel",
                "download", "credits", "--api-key", "Exit codes");
        assertThat(run("keys", "--help")).isZero();
        assertThat(out.toString()).contains("create", "webhook-secret");
        assertThat(run("keys", "create", "--help")).isZero();
        assertThat(out.toString()).contains("--name=NAME");
        assertThat(run("generate", "--help")).isZero();
        assertThat(out.toString()).contains("--aspect", "--image", "--wait", "--out", "--json");
        for (String command : new String[] {"status", "watch", "cancel", "download", "credits", "extend", "aleph"}) {
            assertThat(run(command, "-h")).as(command).isZero();
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run()).isEqualTo(ReelgateCli.USAGE);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown command 'frobnicate'");
        assertThat(run("generate", "--duration", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--prompt=TEXT'");
        assertThat(run("generate", "--prompt", "p", "--duraton", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option", "--duraton", "Possible solutions: --duration",
                "reelgate generate --help");
        assertThat(run("keys")).isEqualTo(2);
        assertThat(run("keys", "credits", "k1")).isEqualTo(2);
        assertThat(err.toString()).contains("--add");
        assertThat(run("keys", "create", "--name", "x", "--credits", "lots")).isEqualTo(2);
        assertThat(err.toString()).contains("--credits", "'lots'");
        assertThat(run("status")).isEqualTo(2);
        assertThat(err.toString()).contains("TASK");
        assertThat(run("download", "t1")).isEqualTo(2);
        assertThat(err.toString()).contains("--out");
        assertThat(run("aleph", "--prompt", "p")).isEqualTo(2);
        assertThat(err.toString()).contains("--video");
    }

    @Test
    void aMissingKeyFileSaysWhereItLooked() {
        assertThat(run("credits")).isEqualTo(2);
        assertThat(err.toString()).contains(emptyDataDir.resolve("dev-api-key.txt").toString(), "--api-key");
    }

    @Test
    void aMissingLocalImageIsAUsageError() {
        assertThat(run("generate", "--prompt", "p", "--api-key", "k", "--image", emptyDataDir.resolve("nope.png").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("nope.png: no such file");
    }

    @Test
    void connectionOptionsWorkBeforeAndAfterTheSubcommand() {
        Path elsewhere = emptyDataDir.resolve("elsewhere");
        assertThat(run("keys", "--data-dir", elsewhere.toString(), "list")).isEqualTo(ReelgateCli.USAGE);
        assertThat(run("--data-dir", elsewhere.toString(), "keys", "list")).isEqualTo(ReelgateCli.USAGE);
        assertThat(run("keys", "list", "--data-dir", elsewhere.toString())).isEqualTo(ReelgateCli.USAGE);
        assertThat(err.toString().split(java.util.regex.Pattern.quote(elsewhere.resolve("admin-token.txt").toString()), -1))
                .hasSize(4);
    }

    @Test
    void anUnreachableServerIsAnApiError() {
        assertThat(run("credits", "--api-key", "k")).isEqualTo(ReelgateCli.API_ERROR);
        assertThat(err.toString()).contains("error: ", "cannot reach the server", "--url");
    }
}
