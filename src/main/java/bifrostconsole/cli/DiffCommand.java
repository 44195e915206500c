package bifrostconsole.cli;

import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.export.Cancellation;
import bifrostconsole.export.DiffEngine;
import bifrostconsole.export.DiffRules;
import bifrostconsole.export.DiffText;
import bifrostconsole.export.GovernanceDiff;
import bifrostconsole.export.GovernanceState;
import bifrostconsole.export.LiveGovernance;
import bifrostconsole.export.ProgressListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code diff}: what changed between two snapshots, or between a snapshot and the live server. */
public final class DiffCommand extends CommandSkeleton {
    static final String HELP_TEXT = """
            usage: bifrost-console diff OLD.json NEW.json [--format text|json] [--include-usage] [--exit-code]
                   bifrost-console diff OLD.json --server URL [--format text|json] [--include-usage] [--exit-code]

            Lists the virtual keys, teams and customers added, removed and changed between two snapshots
            (or a snapshot and the server as it is now), and for each change the field and its old and new
            value, e.g.  budgets[1M].max_limit: 100.00 -> 150.00
            Budgets are matched by their window, provider configs by provider, MCP configs by client, so
            reordering is not a change; lists of models or tools compare as sets.

            """ + ServerOptions.HELP + """
              --format text|json   text for people (default), json for scripts
              --include-usage      also compare the usage counters (see below)
              --exit-code          exit 1 when there are differences (like 'git diff --exit-code')

            Not compared:
            """ + DiffRules.describeIgnored(false).stream().map(l -> "  - " + l + "\n").reduce("", String::concat)
            + """

            Exit codes: 0 compared (whether or not anything differs, unless --exit-code), 1 differences found
            with --exit-code, 2 usage error or missing file, 3 authentication or permission refused, 4 server
            unreachable, 5 the server failed or a file is not a readable snapshot.
            """;
    private static final Spec SPEC = Spec.of("diff",
            "compare two snapshots, or a snapshot with the live server", HELP_TEXT)
            .options(ServerOptions.OPTION, "--format")
            .flags("--include-usage", "--exit-code")
            .withPositionals();
    static final int DIFFERENCES = 1;

    public DiffCommand() {
        this(ServerOptions.fromConfigFolder());
    }

    DiffCommand(ServerOptions servers) {
        super(SPEC, servers, () -> false);
    }

    @Override
    protected int execute(CommandArguments a, CommandRun run) throws Exception {
        String format = a.value("--format") == null ? "text" : a.value("--format");
        if (!format.equals("text") && !format.equals("json")) {
            throw new CommandArguments.UsageException("--format must be text or json, not '" + format + "'");
        }
        List<String> files = a.positionals();
        if (files.isEmpty() || files.size() > 2) {
            throw new CommandArguments.UsageException("give OLD.json and NEW.json, or OLD.json and --server URL");
        }
        GovernanceState old = GovernanceState.ofFile(existing(files.get(0)));
        GovernanceState current;
        if (files.size() == 2) {
            if (a.value(ServerOptions.OPTION) != null) {
                throw new CommandArguments.UsageException("give NEW.json or --server, not both");
            }
            current = GovernanceState.ofFile(existing(files.get(1)));
        } else {
            current = new LiveGovernance(new ManagementApiClient(run.server()), true, ProgressListener.NONE,
                    new Cancellation());
        }

        GovernanceDiff diff = new DiffEngine(a.flag("--include-usage")).compare(old, current);
        if (format.equals("json")) {
            DiffText.writeJson(diff, run.out());
        } else {
            run.out().print(DiffText.render(diff));
            run.out().flush();
        }
        return a.flag("--exit-code") && diff.hasDifferences() ? DIFFERENCES : OK;
    }

    private static Path existing(String name) throws CommandArguments.UsageException {
        Path p = Path.of(name);
        if (!Files.isRegularFile(p)) {
            throw new CommandArguments.UsageException("there is no file " + name);
        }
        return p;
    }
}
