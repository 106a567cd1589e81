package io.reelgate.cli;

import io.reelgate.client.errors.AuthenticationException;
import io.reelgate.client.errors.ReelgateException;
import io.reelgate.client.errors.TaskFailedException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code reelgate} command line: key administration and quick generation against a Reelgate server.
 * Exit codes: 0 success, 1 the server refused or the task failed, 2 wrong usage.
 */
public final class ReelgateCli {

    static final String HELP = """
            Usage: reelgate <command> [options]

            Commands:
              keys       manage API keys and credits (admin token)   reelgate keys --help
              generate   submit a Runway video task                   reelgate generate --help
              status     show a task's state and result               reelgate status TASK_ID
              credits    show the API key's remaining credits         reelgate credits

            """ + Connection.HELP;

    private ReelgateCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs one command in-process; never calls {@code System.exit}, so tests can call it directly. */
    public static int run(String[] argv, PrintStream out, PrintStream err, Map<String, String> env) {
        try {
            if (argv.length == 0) {
                out.print(HELP);
                return 2;
            }
            String command = argv[0];
            Args args = new Args(Arrays.copyOfRange(argv, 1, argv.length));
            Connection connection = new Connection(args, env);
            return switch (command) {
                case "--help", "-h", "help" -> {
                    out.print(HELP);
                    yield 0;
                }
                case "keys" -> new KeysCommand(args, connection, out, err).run();
                case "generate" -> TaskCommands.generate(args, connection, out, err);
                case "status" -> TaskCommands.status(args, connection, out);
                case "credits" -> TaskCommands.credits(args, connection, out);
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("Run 'reelgate --help' for usage.");
            return 2;
        } catch (TaskFailedException e) {
            err.println("task " + e.taskId() + " failed: " + e.failCode() + " " + e.failMsg());
            return 1;
        } catch (AuthenticationException e) {
            err.println("error: " + e.code() + " " + e.msg()
                    + " (check --api-key / --admin-token; the key may be disabled or rotated)");
            return 1;
        } catch (ReelgateException e) {
            err.println("error: " + (e.code() == 0 ? "" : e.code() + " ") + e.msg());
            return 1;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
