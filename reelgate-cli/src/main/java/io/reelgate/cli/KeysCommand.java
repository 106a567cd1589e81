package io.reelgate.cli;

import io.reelgate.client.ReelgateAdminClient;
import io.reelgate.client.model.ApiKeyInfo;
import io.reelgate.client.model.CreatedApiKey;
import io.reelgate.client.model.LedgerEntry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code keys …}: the operator side, authenticated with the admin token. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Manage API keys and credits (admin token).",
        footer = {"", "Secrets are printed once (create, rotate, webhook-secret) and cannot be read again."})
final class KeysCommand implements Runnable {

    @ParentCommand
    ReelgateCli root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(root.out);
        throw new UsageException("a command is required");
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key; prints its secret ONCE.")
    void create(@Option(names = "--name", required = true, paramLabel = "NAME", description = "Key name.") String name,
                @Option(names = "--credits", paramLabel = "N", defaultValue = "0", description = "Starting credits (default 0).")
                long credits) {
        printSecret(admin().createKey(name, credits));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (never shows secrets).")
    void list() {
        printKeys(admin().listKeys());
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Refuse calls with the key.")
    void disable(@Parameters(paramLabel = "ID", description = "Key ID.") String id) {
        printKeys(List.of(admin().disableKey(id)));
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Accept calls with the key again.")
    void enable(@Parameters(paramLabel = "ID", description = "Key ID.") String id) {
        printKeys(List.of(admin().enableKey(id)));
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true, description = "Replace the key's secret; prints the new one ONCE.")
    void rotate(@Parameters(paramLabel = "ID", description = "Key ID.") String id) {
        printSecret(admin().rotateKey(id));
    }

    @Command(name = "credits", mixinStandardHelpOptions = true,
            description = "Add (or, negative, remove) credits; prints the balance.")
    void credits(@Parameters(paramLabel = "ID", description = "Key ID.") String id,
                 @Option(names = "--add", required = true, paramLabel = "N", description = "Credits to add.") long amount,
                 @Option(names = "--note", paramLabel = "TEXT", description = "Ledger note.") String note) {
        root.out.println("balance: " + admin().addCredits(id, amount, note));
    }

    @Command(name = "ledger", mixinStandardHelpOptions = true, description = "The key's newest credit changes.")
    void ledger(@Parameters(paramLabel = "ID", description = "Key ID.") String id) {
        printLedger(admin().ledger(id));
    }

    @Command(name = "webhook-secret", mixinStandardHelpOptions = true,
            description = "New callback signing secret; prints it ONCE.")
    void webhookSecret(@Parameters(paramLabel = "ID", description = "Key ID.") String id) {
        root.out.println("webhookSecret: " + admin().rotateWebhookSecret(id));
        root.err.println("WARNING: this secret is shown only once; store it now.");
    }

    private ReelgateAdminClient admin() {
        return root.connection().admin();
    }

    private void printSecret(CreatedApiKey created) {
        PrintStream out = root.out;
        ApiKeyInfo key = created.key();
        out.println("id:      " + key.id());
        out.println("name:    " + key.name());
        out.println("credits: " + key.credits());
        out.println("secret:  " + created.secret());
        root.err.println("WARNING: the secret is shown only once and cannot be read again; store it now.");
    }

    private void printKeys(List<ApiKeyInfo> keys) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "NAME", "PREFIX", "CREDITS", "STATUS", "CREATED"});
        for (ApiKeyInfo k : keys) {
            rows.add(new String[] {k.id(), k.name(), k.keyPrefix(), Long.toString(k.credits()),
                    k.disabled() ? "disabled" : "enabled", k.createdAt()});
        }
        Table.print(root.out, rows);
    }

    private void printLedger(List<LedgerEntry> entries) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"CREATED", "REASON", "DELTA", "BALANCE", "TASK", "NOTE"});
        for (LedgerEntry e : entries) {
            rows.add(new String[] {e.createdAt(), e.reason(), Long.toString(e.delta()), Long.toString(e.balanceAfter()),
                    e.taskId() == null ? "-" : e.taskId(), e.note() == null ? "" : e.note()});
        }
        Table.print(root.out, rows);
    }
}
