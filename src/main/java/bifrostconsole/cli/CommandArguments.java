package bifrostconsole.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one subcommand: {@code --name value}, {@code --name=value}, bare flags and positional
 * arguments. Anything not declared is a usage error naming the option, so a typo never runs silently.
 */
final class CommandArguments {
    /** A usage error: the message says what was wrong; the command prints it with its usage and exits 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, List<String>> repeated = new HashMap<>();
    private final List<String> positionals = new ArrayList<>();

    private CommandArguments() {
    }

    static CommandArguments parse(List<String> args, Set<String> valueOptions, Set<String> flags)
            throws UsageException {
        return parse(args, valueOptions, flags, Set.of());
    }

    /** {@code repeatable}: value options that may be given more than once, read with {@link #values}. */
    static CommandArguments parse(List<String> args, Set<String> valueOptions, Set<String> flags,
                                  Set<String> repeatable) throws UsageException {
        CommandArguments parsed = new CommandArguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.equals("--")) {
                parsed.positionals.add(arg);
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException(name + " takes no value");
                }
                parsed.values.put(name, "true");
            } else if (valueOptions.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (parsed.values.containsKey(name) && !repeatable.contains(name)) {
                    throw new UsageException(name + " is given twice");
                }
                parsed.values.put(name, value);
                parsed.repeated.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("unknown option " + name);
            }
        }
        return parsed;
    }

    String value(String name) {
        return values.get(name);
    }

    /** Every value given for {@code name}, in order; empty when it was not given. */
    List<String> values(String name) {
        return repeated.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    List<String> positionals() {
        return positionals;
    }

    int intValue(String name, int min, int max, int whenAbsent) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return whenAbsent;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw new UsageException(name + " must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a number between " + min + " and " + max + ", not '" + v + "'");
        }
    }

    long longValue(String name, long whenAbsent) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return whenAbsent;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, not '" + v + "'");
        }
    }
}
