package io.reelgate.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed arguments: positionals in order plus {@code --name value} / {@code --name=value} options and a few known
 * flags. Options may appear anywhere, so {@code keys --url X list} and {@code keys list --url X} both work.
 */
final class Args {

    private static final Set<String> FLAGS = Set.of("help", "wait");

    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();
    private final Set<String> used = new java.util.HashSet<>();

    Args(String[] argv) {
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (arg.equals("-h")) {
                options.put("help", "true");
            } else if (arg.equals("--")) {
                positionals.addAll(List.of(argv).subList(i + 1, argv.length));
                break;
            } else if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    options.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (FLAGS.contains(name)) {
                    options.put(name, "true");
                } else if (i + 1 < argv.length) {
                    options.put(name, argv[++i]);
                } else {
                    throw new UsageException("--" + name + " needs a value");
                }
            } else {
                positionals.add(arg);
            }
        }
    }

    /** The positional at {@code index}, or null. */
    String positional(int index) {
        return index < positionals.size() ? positionals.get(index) : null;
    }

    int positionalCount() {
        return positionals.size();
    }

    String required(int index, String what) {
        String value = positional(index);
        if (value == null) {
            throw new UsageException("missing " + what);
        }
        return value;
    }

    String option(String name) {
        used.add(name);
        return options.get(name);
    }

    String option(String name, String fallback) {
        String value = option(name);
        return value != null ? value : fallback;
    }

    String requiredOption(String name) {
        String value = option(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    Long longOption(String name) {
        String value = option(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number (got " + value + ")");
        }
    }

    boolean flag(String name) {
        return "true".equals(option(name));
    }

    /** Refuses options nobody asked for, so a typo like {@code --credit} is not silently ignored. */
    void rejectUnknownOptions() {
        for (String name : options.keySet()) {
            if (!used.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
    }
}
