package io.reelgate.cli;

import io.reelgate.client.errors.AuthenticationException;
import io.reelgate.client.errors.ConnectionException;
import io.reelgate.client.errors.ReelgateException;
import io.reelgate.client.errors.TaskFailedException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code reelgate} command line (picocli): key administration, generation and task control against a Reelgate
 * server (or the KIE.AI cloud for the KIE-compatible commands).
 *
 * <p>Exit codes: {@value #OK} success, {@value #USAGE} wrong usage, {@value #API_ERROR} the API refused the call
 * (any {@link ReelgateException}), {@value #TASK_FAILED} the task failed, {@value #OTHER} anything else.
 */
@Command(name = "reelgate", mixinStandardHelpOptions = true, version = "reelgate-cli 0.1.0",
        description = "Command line for Reelgate: API keys, video generation and task control.",
        subcommands = {KeysCommand.class, GenerateCommand.class, ExtendCommand.class, AlephCommand.class,
                StatusCommand.class, WatchCommand.class, CancelCommand.class, DownloadCommand.class,
                CreditsCommand.class},
        footer = {"", "Exit codes: 0 ok, 2 usage error, 3 API error, 4 task failed, 1 other.",
                "Run 'reelgate COMMAND --help' for a command's options."})
public final class ReelgateCli implements Runnable {

    public static final int OK = 0;
    public static final int OTHER = 1;
    public static final int USAGE = 2;
    public static final int API_ERROR = 3;
    public static final int TASK_FAILED = 4;

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Server base URL (env REELGATE_URL, default http://localhost:8080).")
    String url;

    @Option(names = "--api-key", scope = ScopeType.INHERIT, paramLabel = "KEY",
            description = "API key (env REELGATE_API_KEY, else <data-dir>/dev-api-key.txt).")
    String apiKey;

    @Option(names = "--admin-token", scope = ScopeType.INHERIT, paramLabel = "TOKEN",
            description = "Admin token for 'keys' (env REELGATE_ADMIN_TOKEN, else <data-dir>/admin-token.txt).")
    String adminToken;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Server data directory (env REELGATE_DATA_DIR, default ./data).")
    Path dataDir;

    @Spec
    CommandSpec spec;

    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;

    ReelgateCli(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    /** Used by picocli only for reflection; the real instance is made in {@link #run(String[], PrintStream, PrintStream, Map)}. */
    ReelgateCli() {
        this(System.out, System.err, System.getenv());
    }

    @Override
    public void run() {
        // "reelgate" alone: show the overview, but as a usage error
        spec.commandLine().usage(out);
        throw new UsageException("a command is required");
    }

    Connection connection() {
        return new Connection(url, apiKey, adminToken, dataDir, env);
    }

    /** True when progress may be drawn in place (a terminal, and the real stderr rather than a test's stream). */
    boolean interactive() {
        java.io.Console console = System.console();
        if (console == null || err != System.err) {
            return false;
        }
        try {
            // JDK 22+ returns a Console even when redirected; Console.isTerminal() tells the difference there
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;   // JDK 17-21: a non-null console means a terminal
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs one command in-process; never calls {@code System.exit}, so tests can call it directly. */
    public static int run(String[] argv, PrintStream out, PrintStream err, Map<String, String> env) {
        CommandLine cl = commandLine(out, err, env);
        return cl.execute(argv);
    }

    static CommandLine commandLine(PrintStream out, PrintStream err, Map<String, String> env) {
        CommandLine cl = new CommandLine(new ReelgateCli(out, err, env));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            PrintWriter w = failed.getErr();
            if (ex instanceof CommandLine.UnmatchedArgumentException u && failed.getSubcommands().size() > 0
                    && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
                w.println("error: unknown command '" + u.getUnmatched().get(0) + "'");
            } else {
                w.println("error: " + ex.getMessage());
            }
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, w);
            w.println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
            w.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            PrintWriter w = failed.getErr();
            int code = exitCodeFor(ex, w, failed);
            w.flush();
            return code;
        });
        return cl;
    }

    private static int exitCodeFor(Exception ex, PrintWriter w, CommandLine failed) {
        if (ex instanceof UsageException) {
            if (!"a command is required".equals(ex.getMessage())) {
                w.println("error: " + ex.getMessage());
                w.println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
            }
            return USAGE;
        }
        if (ex instanceof TaskFailedException e) {
            w.println("task " + e.taskId() + " failed: " + e.failCode() + " " + e.failMsg());
            return TASK_FAILED;
        }
        if (ex instanceof TaskFailure e) {
            w.println(e.getMessage());
            return TASK_FAILED;
        }
        if (ex instanceof AuthenticationException e) {
            w.println("error: " + e.code() + " " + e.msg()
                    + " (check --api-key / --admin-token; the key may be disabled or rotated)");
            return API_ERROR;
        }
        if (ex instanceof ConnectionException e) {
            w.println("error: cannot reach the server (" + e.msg() + "); check --url / REELGATE_URL");
            return API_ERROR;
        }
        if (ex instanceof ReelgateException e) {
            w.println("error: " + e.getClass().getSimpleName() + ": " + (e.code() == 0 ? "" : e.code() + " ") + e.msg());
            return API_ERROR;
        }
        w.println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
        return OTHER;
    }
}
