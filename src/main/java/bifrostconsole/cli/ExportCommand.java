package bifrostconsole.cli;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.KeyMetadata;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.SortField;
import bifrostconsole.api.SortOrder;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.export.ExportFormat;
import bifrostconsole.export.ExportRequest;
import bifrostconsole.export.ExportResult;
import bifrostconsole.export.ExportScope;
import bifrostconsole.export.KeyExporter;
import bifrostconsole.export.KeyPageSource;
import bifrostconsole.export.KeyPager;
import bifrostconsole.export.ProgressListener;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code export}: every virtual key matching a search and filters, as CSV or JSON, streamed. */
public final class ExportCommand extends CommandSkeleton {
    static final String HELP_TEXT = """
            usage: bifrost-console export [--server URL] [--format csv|json] [--out FILE] [--search S]
                                          [--team ID] [--customer ID] [--metadata KEY=VALUE]...
                                          [--sort FIELD] [--order asc|desc] [--include-secrets] [--raw-csv]

            Writes every virtual key matching the search and filters. Keys are fetched 10,000 a request and
            written as they arrive, so memory stays flat at any number of keys.

            """ + ServerOptions.HELP + """
              --format csv|json    file format (default: from the extension of --out, else csv)
              --out FILE           write FILE; it is replaced only once the export is complete, so a failure
                                   leaves an earlier file intact (default: standard output)
              --search S           keys whose name contains S, ignoring case (Bifrost 2.x: or whose team's or
                                   customer's name, or a metadata value, contains it)
              --team ID            keys of this team
              --customer ID        keys of this customer (with --team: keys of either, as Bifrost filters)
              --metadata KEY=VALUE keys whose metadata entry KEY is exactly VALUE; repeat it for more
                                   conditions, which must all hold. KEY is 1 to 256 letters, digits, '.', '_'
                                   or '-'. Servers before metadata filters (Bifrost 2.2.5 and older) ignore
                                   it: the export then stops with an error instead of writing other keys
              --sort FIELD         name, budget_spent, created_at or status (default: created_at)
              --order asc|desc     sort direction (default: asc)
              --include-secrets    include the key values: the output is then a secret
              --raw-csv            write CSV cells exactly; by default a cell starting with =, +, -, @, a tab
                                   or a carriage return gets a leading ' so a spreadsheet shows it as text
                                   instead of running it as a formula
              --page-size N        keys per request, 1 to 10000 (default: 10000)

            CSV: a header row, then one row per key with the columns id, name, description, status (Active,
            Inactive, Expired, Exhausted), team_id, team, customer_id, customer, budgets (each as
            spent/limit/window in USD, several separated by "; "), token_limit and request_limit (as
            used/limit/window), providers, mcp_clients, created_at, updated_at, expires_at (UTC, ISO 8601),
            metadata (key=value entries separated by "; "), and value with --include-secrets. JSON: an
            array of the keys as the API returns them.
            Progress is shown on stderr when it is a terminal.

            A key the server sent in a shape this console cannot read is still written (CSV: status
            Unreadable and the reason; JSON: as the server sent it), and the count is reported on stderr; a
            key sent twice while keys are created or deleted is written once, and the export says the list
            changed while it was read.

            Exit codes: 0 done, 1 the output could not be written, 2 usage error, 3 authentication or
            permission refused, 4 server unreachable, 5 the server failed or sent data that cannot be read.
            """;
    private static final Spec SPEC = Spec.of("export",
            "write the virtual keys matching a search and filters as CSV or JSON", HELP_TEXT)
            .options(ServerOptions.OPTION, "--format", "--out", "--search", "--team", "--customer", "--sort",
                    "--order", "--page-size")
            .repeatable("--metadata")
            .flags("--include-secrets", "--raw-csv");

    public ExportCommand() {
        this(STDERR_IS_TERMINAL, ServerOptions.fromConfigFolder());
    }

    ExportCommand(BooleanSupplier stderrIsTerminal, ServerOptions servers) {
        super(SPEC, servers, stderrIsTerminal);
    }

    @Override
    protected int execute(CommandArguments a, CommandRun run) throws Exception {
        ConnectionSettings settings = run.server();
        Path target = a.value("--out") == null ? null : Path.of(a.value("--out"));
        ExportFormat format = format(a.value("--format"), target);
        int pageSize = a.intValue("--page-size", 1, KeyPager.EXPORT_PAGE_SIZE, KeyPager.EXPORT_PAGE_SIZE);
        VirtualKeyQuery query = VirtualKeyQuery.all()
                .withSearch(a.value("--search"))
                .withTeamId(a.value("--team"))
                .withCustomerId(a.value("--customer"))
                .withMetadata(metadata(a.values("--metadata")));
        if (a.value("--sort") != null || a.value("--order") != null) {
            query = query.withSort(a.value("--sort") == null ? SortField.CREATED_AT : sortField(a.value("--sort")),
                    order(a.value("--order")));
        }
        ExportRequest request = new ExportRequest(query, ExportScope.ALL_MATCHING, format,
                a.flag("--include-secrets"), a.flag("--raw-csv"));

        if (request.includeSecrets()) {
            run.err().println("export: key values are included: treat the output as a secret.");
        }
        KeyExporter exporter = new KeyExporter(new KeyPager(
                KeyPageSource.of(new ManagementApiClient(settings)), pageSize), java.time.Clock.systemUTC());
        ProgressListener progress = run.progress("Exporting");
        if (target == null) {
            ExportResult result = exporter.toStream(run.out(), request, progress, run.cancellation());
            if (!result.integrity().clean()) {
                run.tell("export: " + result.integrity().warnings());
            }
        } else {
            ExportResult result = exporter.toFile(target, request, progress, run.cancellation());
            run.tell(result.summary());
        }
        return OK;
    }

    private static ExportFormat format(String option, Path target) throws CommandArguments.UsageException {
        if (option != null) {
            try {
                return ExportFormat.parse(option);
            } catch (IllegalArgumentException e) {
                throw new CommandArguments.UsageException("--format must be csv or json, not '" + option + "'");
            }
        }
        ExportFormat fromName = target == null ? null : ExportFormat.fromFileName(target.getFileName().toString());
        return fromName == null ? ExportFormat.CSV : fromName;
    }

    /** {@code --metadata key=value}, each checked with Bifrost's key rules before anything is sent. */
    static Map<String, String> metadata(List<String> options) throws CommandArguments.UsageException {
        Map<String, String> conditions = new LinkedHashMap<>();
        for (String option : options) {
            KeyMetadata.Parsed parsed = KeyMetadata.parseCondition(option);
            if (!parsed.ok()) {
                throw new CommandArguments.UsageException("--metadata '" + option + "': " + parsed.problem());
            }
            if (conditions.put(parsed.condition().key(), parsed.condition().value()) != null) {
                throw new CommandArguments.UsageException("--metadata gives " + parsed.condition().key()
                        + " twice: a key holds one value");
            }
        }
        return conditions;
    }

    private static SortField sortField(String text) throws CommandArguments.UsageException {
        try {
            return SortField.fromWireName(text);
        } catch (IllegalArgumentException e) {
            throw new CommandArguments.UsageException("--sort must be name, budget_spent, created_at or status,"
                    + " not '" + text + "'");
        }
    }

    private static SortOrder order(String text) throws CommandArguments.UsageException {
        if (text == null) {
            return SortOrder.ASC;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "asc" -> SortOrder.ASC;
            case "desc" -> SortOrder.DESC;
            default -> throw new CommandArguments.UsageException("--order must be asc or desc, not '" + text + "'");
        };
    }
}
