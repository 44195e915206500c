package bifrostconsole.cli;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.export.KeyPager;
import bifrostconsole.export.LiveGovernance;
import bifrostconsole.export.SnapshotSummary;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** {@code snapshot}: the whole governance state of a server into one JSON file, for browsing and diffs. */
public final class SnapshotCommand extends CommandSkeleton {
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
    private static final Spec SPEC = Spec.of("snapshot",
            "save the whole governance state of a server to a JSON file", HELP_TEXT)
            .options(ServerOptions.OPTION, "--out", "--page-size")
            .flags("--include-secrets");

    public SnapshotCommand() {
        this(STDERR_IS_TERMINAL, ServerOptions.fromConfigFolder());
    }

    SnapshotCommand(BooleanSupplier stderrIsTerminal, ServerOptions servers) {
        super(SPEC, servers, stderrIsTerminal);
    }

    @Override
    protected int execute(CommandArguments a, CommandRun run) throws Exception {
        if (a.value("--out") == null) {
            throw new CommandArguments.UsageException("--out FILE.json is required");
        }
        ConnectionSettings settings = run.server();
        Path target = Path.of(a.value("--out"));
        int pageSize = a.intValue("--page-size", 1, KeyPager.EXPORT_PAGE_SIZE, KeyPager.EXPORT_PAGE_SIZE);

        LiveGovernance live = new LiveGovernance(new ManagementApiClient(settings), a.flag("--include-secrets"),
                run.progress("Snapshot"), run.cancellation(), java.time.Clock.systemUTC(), pageSize);
        SnapshotSummary summary = live.writeSnapshot(target);
        run.tell(summary.describe());
        return OK;
    }
}
