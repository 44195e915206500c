package bifrostconsole.cli;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.export.Cancellation;
import bifrostconsole.export.DiffEngine;
import bifrostconsole.export.DiffRules;
import bifrostconsole.export.DiffText;
import bifrostconsole.export.GovernanceDiff;
import bifrostconsole.export.GovernanceState;
import bifrostconsole.export.LiveGovernance;
import bifrostconsole.export.ProgressListener;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code diff}: what changed between two snapshots, or between a snapshot and the live server. */
public final class DiffCommand implements Subcommand {
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
    private static final Set<String> OPTIONS = Set.of("--server", "--format");
    private static final Set<String> FLAGS = Set.of("--include-usage", "--exit-code", "--help");
    static final int DIFFERENCES = 1;

    private final ServerOptions servers;

    public DiffCommand() {
        this(ServerOptions.fromConfigFolder());
    }

    DiffCommand(ServerOptions servers) {
        this.servers = servers;
    }

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String summary() {
        return "compare two snapshots, or a snapshot with the live server";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        CommandArguments a;
        GovernanceState old;
        GovernanceState current;
        boolean json;
        try {
            a = CommandArguments.parse(args, OPTIONS, FLAGS);
            if (a.flag("--help")) {
                out.print(HELP_TEXT);
                return OK;
            }
            String format = a.value("--format") == null ? "text" : a.value("--format");
            if (!format.equals("text") && !format.equals("json")) {
                throw new CommandArguments.UsageException("--format must be text or json, not '" + format + "'");
            }
            json = format.equals("json");
            List<String> files = a.positionals();
            if (files.isEmpty() || files.size() > 2) {
                throw new CommandArguments.UsageException("give OLD.json and NEW.json, or OLD.json and --server URL");
            }
            old = GovernanceState.ofFile(existing(files.get(0)));
            if (files.size() == 2) {
                if (a.value("--server") != null) {
                    throw new CommandArguments.UsageException("give NEW.json or --server, not both");
                }
                current = GovernanceState.ofFile(existing(files.get(1)));
            } else {
                ConnectionSettings settings = servers.require(a.value("--server"), env);
                current = new LiveGovernance(new ManagementApiClient(settings), true, ProgressListener.NONE,
                        new Cancellation());
            }
        } catch (CommandArguments.UsageException e) {
            err.println("diff: " + e.getMessage());
            err.println("Run 'bifrost-console diff --help' for the options.");
            return USAGE;
        }
        try {
            GovernanceDiff diff = new DiffEngine(a.flag("--include-usage")).compare(old, current);
            if (json) {
                DiffText.writeJson(diff, out);
            } else {
                out.print(DiffText.render(diff));
                out.flush();
            }
            return a.flag("--exit-code") && diff.hasDifferences() ? DIFFERENCES : OK;
        } catch (Exception e) {
            return CommandFailures.report("diff", e, err);
        }
    }

    private static Path existing(String name) throws CommandArguments.UsageException {
        Path p = Path.of(name);
        if (!Files.isRegularFile(p)) {
            throw new CommandArguments.UsageException("there is no file " + name);
        }
        return p;
    }
}
