package bifrostconsole.cli;

import bifrostconsole.api.ApiException;
import bifrostconsole.connection.ConnectionTestViewModel;
import bifrostconsole.connection.EnvironmentConnection;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * {@code check}: the GUI's "Test connection" from a terminal or a script. Resolves the server and key like
 * every command ({@link ServerOptions}), runs the three checks and prints one line per step.
 */
public final class CheckCommand extends CommandSkeleton {
    static final String HELP_TEXT = """
            usage: bifrost-console check [--server URL]

            Tests the connection as the console's "Test connection" does: /health, then /api/version, then
            one authenticated list call (one key), and prints one line per step. When the server cannot be
            reached, the later steps are skipped.

            """ + ServerOptions.HELP + """

            Exit codes: 0 all checks passed, 2 usage error, 3 authentication or permission refused, 4 server
            unreachable (network, DNS, TLS, timeout), 5 the server answered wrongly.
            """;
    private static final Spec SPEC = Spec.of("check",
            "test the connection to a server: /health, /api/version and the key [--server URL]", HELP_TEXT)
            .options(ServerOptions.OPTION);

    public CheckCommand() {
        this(ServerOptions.fromConfigFolder());
    }

    CheckCommand(ServerOptions servers) {
        super(SPEC, servers, () -> false);
    }

    @Override
    protected int execute(CommandArguments a, CommandRun run) throws CommandArguments.UsageException {
        EnvironmentConnection.Resolved resolved = run.resolvedServer();
        PrintStream out = run.out();
        out.println("Checking " + resolved.settings().displayName()
                + resolved.profile().map(p -> " (saved as '" + p.name() + "')").orElse("")
                + ", key: " + (resolved.settings().apiKey() == null ? "none" : "from " + resolved.keySource()));
        ConnectionTestViewModel test = new ConnectionTestViewModel(Runnable::run);
        boolean passed;
        try {
            passed = test.run(resolved.settings()).get(
                    resolved.settings().connectTimeout().plus(resolved.settings().requestTimeout()).toSeconds() * 3 + 5,
                    TimeUnit.SECONDS);
        } catch (Exception e) {
            run.err().println("check: the checks did not finish (" + e.getClass().getSimpleName() + ")");
            return UNREACHABLE;
        }
        for (ConnectionTestViewModel.Step step : test.steps()) {
            String mark = switch (step.state()) {
                case PASSED -> "ok     ";
                case FAILED -> "FAILED ";
                default -> "skipped";
            };
            out.println("  " + mark + " " + step.title() + ": " + step.detail());
        }
        if (passed) {
            return OK;
        }
        ApiException.Kind kind = test.steps().stream().map(ConnectionTestViewModel.Step::failureKind)
                .filter(k -> k != null).findFirst().orElse(ApiException.Kind.NETWORK);
        return CommandFailures.exitCode(kind);
    }
}
