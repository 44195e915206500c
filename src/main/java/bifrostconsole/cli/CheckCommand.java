package bifrostconsole.cli;

import bifrostconsole.connection.EnvironmentConnection;
import bifrostconsole.service.ConnectionCheck;

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

    private final ConnectionCheck checks = new ConnectionCheck();

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
        ConnectionCheck.Report report;
        try {
            // Each line as its step ends, so a slow step shows which one is waiting.
            report = checks.run(resolved.settings(), step -> {
                if (step.status() != ConnectionCheck.Status.RUNNING) {
                    out.println("  " + mark(step.status()) + " " + step.step().title() + ": " + step.detail());
                }
            }).get(resolved.settings().connectTimeout().plus(resolved.settings().requestTimeout()).toSeconds() * 3 + 5,
                    TimeUnit.SECONDS);
        } catch (Exception e) {
            run.err().println("check: the checks did not finish (" + e.getClass().getSimpleName() + ")");
            return UNREACHABLE;
        }
        return report.firstFailure().map(failed -> CommandFailures.exitCode(failed.failureKind())).orElse(OK);
    }

    private static String mark(ConnectionCheck.Status status) {
        return switch (status) {
            case PASSED -> "ok     ";
            case FAILED -> "FAILED ";
            default -> "skipped";
        };
    }
}
