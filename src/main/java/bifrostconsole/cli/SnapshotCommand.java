package bifrostconsole.cli;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.export.KeyPager;
import bifrostconsole.export.LiveGovernance;
import bifrostconsole.export.ProgressListener;
import bifrostconsole.export.Snapshot;
import bifrostconsole.export.SnapshotSummary;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** {@code snapshot}: the whole governance state of a server into one JSON file, for browsing and diffs. */
public final class SnapshotCommand implements Subcommand {
    static final String HELP_TEXT = """
            usage: bifrost-console snapshot [--server URL] --out FILE.json [--include-secrets]

            Writes the whole governance state of the server into FILE.json: virtual keys, teams, customers,
            MCP clients, providers and their keys (credentials redacted), with the server's address and
            version and the time. Open it in the console (Open snapshot...) or compare two with 'diff'.

            """ + ServerOptions.HELP + """
              --out FILE.json      the snapshot file; replaced only once complete
              --include-secrets    include the virtual key values: the file is then a secret
                                   (provider credentials are always left out)

            Exit codes: 0 done, 1 the file could not be written, 2 usage error, 3 authentication or
            permission refused, 4 server unreachable, 5 the server failed or sent data that cannot be read.
            """;
    private static final Set<String> OPTIONS = Set.of("--server", "--out", "--page-size");
    private static final Set<String> FLAGS = Set.of("--include-secrets", "--help");

    private final BooleanSupplier stderrIsTerminal;
    private final ServerOptions servers;

    public SnapshotCommand() {
        this(() -> System.console() != null, ServerOptions.fromConfigFolder());
    }

    SnapshotCommand(BooleanSupplier stderrIsTerminal, ServerOptions servers) {
        this.stderrIsTerminal = stderrIsTerminal;
        this.servers = servers;
    }

    @Override
    public String name() {
        return "snapshot";
    }

    @Override
    public String summary() {
        return "save the whole governance state of a server to a JSON file";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        CommandArguments a;
        ConnectionSettings settings;
        Path target;
        int pageSize;
        try {
            a = CommandArguments.parse(args, OPTIONS, FLAGS);
            if (a.flag("--help")) {
                out.print(HELP_TEXT);
                return OK;
            }
            if (!a.positionals().isEmpty()) {
                throw new CommandArguments.UsageException("unexpected argument '" + a.positionals().get(0) + "'");
            }
            if (a.value("--out") == null) {
                throw new CommandArguments.UsageException("--out FILE.json is required");
            }
            settings = servers.require(a.value("--server"), env);
            target = Path.of(a.value("--out"));
            pageSize = a.intValue("--page-size", 1, KeyPager.EXPORT_PAGE_SIZE, KeyPager.EXPORT_PAGE_SIZE);
        } catch (CommandArguments.UsageException e) {
            err.println("snapshot: " + e.getMessage());
            err.println("Run 'bifrost-console snapshot --help' for the options.");
            return USAGE;
        }
        TerminalProgress progress = stderrIsTerminal.getAsBoolean() ? new TerminalProgress(err, "Snapshot") : null;
        try (InterruptGuard guard = InterruptGuard.install()) {
            LiveGovernance live = new LiveGovernance(new ManagementApiClient(settings), a.flag("--include-secrets"),
                    progress == null ? ProgressListener.NONE : progress, guard.cancellation(),
                    java.time.Clock.systemUTC(), pageSize);
            SnapshotSummary summary = live.writeSnapshot(target);
            if (progress != null) {
                progress.done();
            }
            err.println(summary.describe());
            return OK;
        } catch (Exception e) {
            if (progress != null) {
                progress.done();
            }
            return CommandFailures.report("snapshot", e, err);
        }
    }
}
