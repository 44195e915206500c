package bifrostconsole.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A verb with actions ({@code keys disable}, {@code keys set-budget}…): takes the action from the first argument
 * and hands the rest to it. Each action is a {@link CommandSkeleton} of its own, named {@code "keys disable"}, so
 * it has its own options and the same usage errors, progress, Ctrl+C and exit codes as every other verb.
 * {@code keys} alone prints the group's help on stderr (exit 2), {@code keys --help} on stdout (exit 0).
 */
abstract class CommandGroup implements Subcommand {
    private final String name;
    private final String summary;
    private final String help;

    protected CommandGroup(String name, String summary, String help) {
        this.name = name;
        this.summary = summary;
        this.help = help;
    }

    /** The actions, each named {@code name + " " + action}. */
    protected abstract List<? extends Subcommand> actions();

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        if (args.isEmpty()) {
            err.print(help);
            return USAGE;
        }
        if (args.get(0).equals("--help") || args.get(0).equals("-h")) {
            out.print(help);
            return OK;
        }
        String wanted = name + " " + args.get(0);
        for (Subcommand action : actions()) {
            if (action.name().equals(wanted)) {
                return action.run(args.subList(1, args.size()), out, err, env);
            }
        }
        err.println(name + ": unknown verb '" + args.get(0) + "': use one of " + actions().stream()
                .map(a -> a.name().substring(name.length() + 1)).collect(Collectors.joining(", ")));
        err.println("Run 'bifrost-console " + name + " --help' for the verbs and options.");
        return USAGE;
    }
}
