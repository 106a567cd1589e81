package io.reelgate.cli;

import io.reelgate.client.ReelgateAdminClient;
import io.reelgate.client.model.ApiKeyInfo;
import io.reelgate.client.model.CreatedApiKey;
import io.reelgate.client.model.LedgerEntry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** {@code keys …}: the operator side, authenticated with the admin token. */
final class KeysCommand {

    static final String HELP = """
            Usage: reelgate keys <subcommand> [options]

              create --name NAME [--credits N]   create a key; prints its secret ONCE
              list                                list keys (never shows secrets)
              disable ID | enable ID              refuse / accept calls with the key
              rotate ID                           replace the key's secret; prints the new one ONCE
              credits ID --add N [--note TEXT]    add (or, negative, remove) credits; prints the balance
              ledger ID                           the key's newest credit changes
              webhook-secret ID                   new callback signing secret; prints it ONCE

            """ + Connection.HELP;

    private final Args args;
    private final Connection connection;
    private final PrintStream out;
    private final PrintStream err;

    KeysCommand(Args args, Connection connection, PrintStream out, PrintStream err) {
        this.args = args;
        this.connection = connection;
        this.out = out;
        this.err = err;
    }

    int run() {
        String sub = args.positional(0);
        if (sub == null || args.flag("help")) {
            out.print(HELP);
            return sub == null && !args.flag("help") ? 2 : 0;
        }
        switch (sub) {
            case "create" -> {
                String name = args.requiredOption("name");
                Long credits = args.longOption("credits");
                ready(1);
                printSecret(admin().createKey(name, credits == null ? 0 : credits));
            }
            case "list" -> {
                ready(1);
                printKeys(admin().listKeys());
            }
            case "disable" -> printKeys(List.of(admin(id()).disableKey(id())));
            case "enable" -> printKeys(List.of(admin(id()).enableKey(id())));
            case "rotate" -> printSecret(admin(id()).rotateKey(id()));
            case "credits" -> {
                Long amount = args.longOption("add");
                if (amount == null) {
                    throw new UsageException("--add N is required");
                }
                String note = args.option("note");
                out.println("balance: " + admin(id()).addCredits(id(), amount, note));
            }
            case "ledger" -> printLedger(admin(id()).ledger(id()));
            case "webhook-secret" -> {
                out.println("webhookSecret: " + admin(id()).rotateWebhookSecret(id()));
                err.println("WARNING: this secret is shown only once; store it now.");
            }
            default -> throw new UsageException("unknown keys subcommand '" + sub + "'");
        }
        return 0;
    }

    private String id() {
        return args.required(1, "key ID");
    }

    /** Validates the whole command line before any request is sent. */
    private void ready(int positionals) {
        if (args.positionalCount() > positionals) {
            throw new UsageException("unexpected argument '" + args.positional(positionals) + "'");
        }
        args.rejectUnknownOptions();
    }

    private ReelgateAdminClient admin(String id) {
        ready(2);
        return admin();
    }

    private ReelgateAdminClient admin() {
        return connection.admin();
    }

    private void printSecret(CreatedApiKey created) {
        ApiKeyInfo key = created.key();
        out.println("id:      " + key.id());
        out.println("name:    " + key.name());
        out.println("credits: " + key.credits());
        out.println("secret:  " + created.secret());
        err.println("WARNING: the secret is shown only once and cannot be read again; store it now.");
    }

    private void printKeys(List<ApiKeyInfo> keys) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "NAME", "PREFIX", "CREDITS", "STATUS", "CREATED"});
        for (ApiKeyInfo k : keys) {
            rows.add(new String[] {k.id(), k.name(), k.keyPrefix(), Long.toString(k.credits()),
                    k.disabled() ? "disabled" : "enabled", k.createdAt()});
        }
        Table.print(out, rows);
    }

    private void printLedger(List<LedgerEntry> entries) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"CREATED", "REASON", "DELTA", "BALANCE", "TASK", "NOTE"});
        for (LedgerEntry e : entries) {
            rows.add(new String[] {e.createdAt(), e.reason(), Long.toString(e.delta()), Long.toString(e.balanceAfter()),
                    e.taskId() == null ? "-" : e.taskId(), e.note() == null ? "" : e.note()});
        }
        Table.print(out, rows);
    }
}
