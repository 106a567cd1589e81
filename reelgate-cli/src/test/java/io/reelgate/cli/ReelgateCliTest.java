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
        assertThat(out.toString()).contains("keys", "generate", "status", "credits", "--api-key");
        assertThat(run("keys", "--help")).isZero();
        assertThat(out.toString()).contains("create --name NAME");
        assertThat(run("generate", "--help")).isZero();
        assertThat(out.toString()).contains("--aspect-ratio");
        assertThat(run("status", "-h")).isZero();
        assertThat(run("credits", "--help")).isZero();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown command 'frobnicate'");
        assertThat(run("generate", "--duration", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("--prompt is required");
        assertThat(run("generate", "--prompt", "p", "--duraton", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown option --duraton");
        assertThat(run("keys", "credits", "k1")).isEqualTo(2);
        assertThat(run("keys", "create", "--name", "x", "--credits", "lots")).isEqualTo(2);
        assertThat(err.toString()).contains("--credits must be a whole number");
    }

    @Test
    void aMissingKeyFileSaysWhereItLooked() {
        assertThat(run("credits")).isEqualTo(2);
        assertThat(err.toString()).contains(emptyDataDir.resolve("dev-api-key.txt").toString(), "--api-key");
    }

    @Test
    void anUnreachableServerIsARuntimeError() {
        assertThat(run("credits", "--api-key", "k")).isEqualTo(1);
        assertThat(err.toString()).contains("error: ");
    }
}
