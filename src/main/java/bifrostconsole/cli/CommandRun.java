package bifrostconsole.cli;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.connection.EnvironmentConnection;
import bifrostconsole.export.Cancellation;
import bifrostconsole.export.ProgressListener;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * One run of a verb ({@link CommandSkeleton}): its streams and environment, and the skeleton's services. Each
 * service is set up only when the verb asks for it: the profiles and the credential store are read only by
 * {@link #server()}, the Ctrl+C hook is installed only by {@link #cancellation()} or {@link #interrupted()}.
 */
final class CommandRun implements AutoCloseable {
    private final CommandArguments args;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final ServerOptions servers;
    private final BooleanSupplier stderrIsTerminal;
    private TerminalProgress progress;
    private InterruptGuard interrupts;

    CommandRun(CommandArguments args, PrintStream out, PrintStream err, Map<String, String> env,
               ServerOptions servers, BooleanSupplier stderrIsTerminal) {
        this.args = args;
        this.out = out;
        this.err = err;
        this.env = env;
        this.servers = servers;
        this.stderrIsTerminal = stderrIsTerminal;
    }

    /** The verb's results. */
    PrintStream out() {
        return out;
    }

    /** For warnings printed before the work starts; later remarks go through {@link #tell}. */
    PrintStream err() {
        return err;
    }

    /** The server and key from {@code --server}, the environment or the saved profiles; none is a usage error. */
    ConnectionSettings server() throws CommandArguments.UsageException {
        return resolvedServer().settings();
    }

    /** As {@link #server()}, with the saved profile it matched and where the key came from. */
    EnvironmentConnection.Resolved resolvedServer() throws CommandArguments.UsageException {
        if (servers == null) {
            throw new IllegalStateException("this command was declared without server options");
        }
        return servers.resolve(args.value(ServerOptions.OPTION), env);
    }

    /** A self-overwriting progress line on stderr when it is a terminal, else nothing. */
    ProgressListener progress(String verb) {
        if (!stderrIsTerminal.getAsBoolean()) {
            return ProgressListener.NONE;
        }
        if (progress == null) {
            progress = new TerminalProgress(err, verb);
        }
        return progress;
    }

    /** One line on stderr, below the progress line if there is one. */
    /** An environment variable of this run, or null. */
    String env(String name) {
        return env == null ? null : env.get(name);
    }

    void tell(String message) {
        endProgress();
        err.println(message);
    }

    /** Cancelled on Ctrl+C, which then waits up to 3 s for the work to stop (and delete its temporary file). */
    Cancellation cancellation() {
        return interrupts().cancellation();
    }

    /** Completes on Ctrl+C; for a verb that runs until stopped. */
    CompletableFuture<Void> interrupted() {
        return interrupts().interrupted();
    }

    private InterruptGuard interrupts() {
        if (interrupts == null) {
            interrupts = InterruptGuard.install();
        }
        return interrupts;
    }

    /** Ends the progress line, so what follows starts on a line of its own. */
    void endProgress() {
        if (progress != null) {
            progress.done();
        }
    }

    /** Ends the progress line and releases Ctrl+C. */
    @Override
    public void close() {
        endProgress();
        if (interrupts != null) {
            interrupts.close();
        }
    }
}
