package bifrostconsole.cli;

import bifrostconsole.api.ApiException;
import bifrostconsole.connection.ConnectionTestViewModel;
import bifrostconsole.connection.EnvironmentConnection;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code check}: the GUI's "Test connection" from a terminal or a script. Resolves the server and key like
 * every command ({@link EnvironmentConnection}), runs the three checks and prints one line per step.
 * Exit codes: 0 all passed, 2 usage, 3 key refused, 4 server unreachable (network, DNS, TLS, timeout),
 * 5 the server answered wrongly.
 */
public final class CheckCommand implements Subcommand {
    static final String USAGE_LINE = "usage: bifrost-console check [--server URL]   (key from BIFROST_API_KEY or the"
            + " saved connection)";

    private final Supplier<EnvironmentConnection> resolver;

    public CheckCommand() {
        this(EnvironmentConnection::fromConfigFolder);
    }

    CheckCommand(Supplier<EnvironmentConnection> resolver) {
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "test the connection to a server: /health, /api/version and the key [--server URL]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        String server = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE_LINE);
                return OK;
            } else if (arg.equals("--server") && i + 1 < args.size()) {
                server = args.get(++i);
            } else if (arg.startsWith("--server=")) {
                server = arg.substring("--server=".length());
            } else {
                err.println("check: unknown option '" + arg + "' (" + USAGE_LINE + ")");
                return USAGE;
            }
        }
        EnvironmentConnection.Resolved resolved;
        try {
            resolved = resolver.get().resolve(server, env);
        } catch (EnvironmentConnection.ResolutionException e) {
            err.println("check: " + e.getMessage());
            return USAGE;
        }
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
            err.println("check: the checks did not finish (" + e.getClass().getSimpleName() + ")");
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
        return kind.isAuth() ? AUTH_REFUSED : kind.isUnreachable() ? UNREACHABLE : SERVER_ERROR;
    }
}
