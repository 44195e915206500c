package bifrostconsole.cli;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The skeleton every subcommand is built on, so that a verb writes only what is its own: its options, its help
 * text and its work. For every verb alike, the skeleton
 * <ul>
 *   <li>parses the arguments ({@link CommandArguments}: {@code --name value}, {@code --name=value}, flags,
 *       positionals); an option the verb did not declare is a usage error that names it;</li>
 *   <li>prints the verb's help text on stdout for {@code --help} or {@code -h} and exits 0;</li>
 *   <li>turns a {@link CommandArguments.UsageException} into {@code verb: message} and
 *       {@code Run 'bifrost-console verb --help' for the options.} on stderr, exit 2;</li>
 *   <li>resolves the server and key when the verb asks ({@link CommandRun#server()}, see {@link ServerOptions});</li>
 *   <li>shows progress on a terminal ({@link CommandRun#progress}) and ends that line before any later message;</li>
 *   <li>cancels the work on Ctrl+C when the verb asks ({@link CommandRun#cancellation()});</li>
 *   <li>turns any other failure of the work into one sentence and its exit code ({@link CommandFailures}).</li>
 * </ul>
 *
 * <h2>Adding a verb</h2>
 * <ol>
 *   <li>Write {@code FooCommand extends CommandSkeleton} in {@code cli/}. Its {@code HELP_TEXT} starts with a
 *       {@code usage:} line, includes {@link ServerOptions#HELP} if it talks to a server, and ends with the exit
 *       codes. Declare the rest in a {@link Spec}:
 *       <pre>{@code
 *   private static final Spec SPEC = Spec.of("foo", "one line for the console's --help", HELP_TEXT)
 *           .options(ServerOptions.OPTION, "--out").flags("--include-secrets");
 *       }</pre></li>
 *   <li>Give it two constructors: a public one with no arguments for real use, {@code this(STDERR_IS_TERMINAL,
 *       ServerOptions.fromConfigFolder())}, and a package-private one taking both, which calls
 *       {@code super(SPEC, servers, stderrIsTerminal)} and which tests call with {@code () -> false} and their own
 *       profiles ({@code CommandsTest.NO_PROFILES}). A verb that talks to no server calls {@code super(SPEC)}.</li>
 *   <li>Implement {@link #execute}: first read and check every argument (throw {@code UsageException} with one
 *       sentence, e.g. {@code "--out FILE is required"}) and call {@code run.server()}, so that nothing is sent or
 *       written before the command line is known to be right; then do the work, handing long work
 *       {@code run.progress("Exporting")} and {@code run.cancellation()}. Print results on {@code run.out()},
 *       remarks through {@code run.tell(...)}; throw failures ({@code ApiException}, an
 *       {@code IOException}) instead of catching them, and return an exit code from {@link Subcommand}.</li>
 *   <li>Add it to {@link Subcommands#all()} and test it in-process like {@code CommandsTest} does.</li>
 * </ol>
 * A verb with actions ({@code keys disable}, {@code keys set-budget}) is a {@link CommandGroup}: one
 * {@code CommandSkeleton} per action, named {@code "keys disable"} so its messages and help pointer read right
 * ({@code KeysCommand} is the example).
 */
abstract class CommandSkeleton implements Subcommand {
    /**
     * Whether progress lines are welcome. Java 17 cannot ask about stderr itself; a console (stdin and stdout on a
     * terminal) is the best sign that a person, not a script, reads stderr.
     */
    static final BooleanSupplier STDERR_IS_TERMINAL = () -> System.console() != null;

    /** What a verb declares: its name, its line in the console's --help, its own help text and its options. */
    record Spec(String name, String summary, String help, Set<String> valueOptions, Set<String> flags,
                boolean takesPositionals, Set<String> repeatable) {
        static Spec of(String name, String summary, String help) {
            return new Spec(name, summary, help, Set.of(), Set.of(), false, Set.of());
        }

        /** Options that take a value: {@code --name value} or {@code --name=value}. */
        Spec options(String... names) {
            return new Spec(name, summary, help, Set.of(names), flags, takesPositionals, repeatable);
        }

        /** Options without a value; {@code --help} is always one. */
        Spec flags(String... names) {
            return new Spec(name, summary, help, valueOptions, Set.of(names), takesPositionals, repeatable);
        }

        /** The verb reads positional arguments itself; without this, any is a usage error. */
        Spec withPositionals() {
            return new Spec(name, summary, help, valueOptions, flags, true, repeatable);
        }

        /** Value options that may be given several times ({@link CommandArguments#values}); call after options. */
        Spec repeatable(String... names) {
            Set<String> all = new java.util.HashSet<>(valueOptions);
            all.addAll(Set.of(names));
            return new Spec(name, summary, help, Set.copyOf(all), flags, takesPositionals, Set.of(names));
        }
    }

    private final Spec spec;
    private final Set<String> flagsWithHelp;
    private final ServerOptions servers;
    private final BooleanSupplier stderrIsTerminal;

    /** A verb that talks to a server; {@code stderrIsTerminal} decides whether progress is shown. */
    protected CommandSkeleton(Spec spec, ServerOptions servers, BooleanSupplier stderrIsTerminal) {
        this.spec = spec;
        this.servers = servers;
        this.stderrIsTerminal = stderrIsTerminal;
        Set<String> flags = new HashSet<>(spec.flags());
        flags.add("--help");
        this.flagsWithHelp = Set.copyOf(flags);
    }

    /** A verb that talks to no server and shows no progress. */
    protected CommandSkeleton(Spec spec) {
        this(spec, null, () -> false);
    }

    /**
     * The verb's own part. Throw {@link CommandArguments.UsageException} for a wrong command line (before doing
     * anything), any other exception for a failure of the work; {@link CommandFailures} words it.
     */
    protected abstract int execute(CommandArguments args, CommandRun run) throws Exception;

    @Override
    public final String name() {
        return spec.name();
    }

    @Override
    public final String summary() {
        return spec.summary();
    }

    @Override
    public final int run(List<String> argv, PrintStream out, PrintStream err, Map<String, String> env) {
        try {
            CommandArguments args = CommandArguments.parse(argv, spec.valueOptions(), flagsWithHelp, spec.repeatable());
            if (args.flag("--help") || args.positionals().contains("-h")) {
                out.print(spec.help());
                out.flush();
                return OK;
            }
            if (!spec.takesPositionals() && !args.positionals().isEmpty()) {
                throw new CommandArguments.UsageException("unexpected argument '" + args.positionals().get(0) + "'");
            }
            // Closed before a failure is reported, so the progress line ends and Ctrl+C is released first.
            try (CommandRun run = new CommandRun(args, out, err, env, servers, stderrIsTerminal)) {
                return execute(args, run);
            }
        } catch (CommandArguments.UsageException e) {
            err.println(name() + ": " + e.getMessage());
            err.println("Run 'bifrost-console " + name() + " --help' for the options.");
            return USAGE;
        } catch (Exception e) {
            return CommandFailures.report(name(), e, err);
        }
    }
}
