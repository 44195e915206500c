package bifrostconsole.cli;

import bifrostconsole.api.ConnectionSettings;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.ResetWindow;
import bifrostconsole.export.KeyPageSource;
import bifrostconsole.export.KeyPager;
import bifrostconsole.headroom.Attention;
import bifrostconsole.headroom.AttentionItem;
import bifrostconsole.headroom.Binding;
import bifrostconsole.headroom.GatewayScan;
import bifrostconsole.headroom.HeadroomWords;
import bifrostconsole.headroom.Limit;
import bifrostconsole.headroom.Reason;
import bifrostconsole.headroom.ScanResult;
import bifrostconsole.headroom.Unit;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * {@code report}: every key that needs attention, with its reasons, the used share of the limit that binds, what
 * binds and what is left. Scans the whole gateway the way the export does; key values never appear.
 */
public final class ReportCommand extends CommandSkeleton {
    static final String HELP_TEXT = """
            usage: bifrost-console report [--server URL] [--format text|json|csv] [--threshold 80]
                                          [--expiring 7d] [--exit-code]

            Lists every virtual key that needs attention, most urgent first, with its reasons:
              exhausted           the limit that binds is used up: requests are refused until it resets
              near-limit          at or above --threshold percent of the limit that binds
              expired, expiring   past its expiry, or expiring within --expiring
              inactive-spending   switched off, yet spent something in a budget window still open
              unassigned          on no team and no customer
            The limit that binds is the tightest of the key's own budgets, its provider configs' budgets,
            its team's and customer's budgets (with overrides) and every rate limit, with windows that have
            ended counted as reset: key, provider, team, customer or rate-limit, with its window.

            """ + ServerOptions.HELP + """
              --format text|json|csv  text: aligned columns (default); json: an array of objects with id, name,
                                      reasons, used_percent, binding {level, owner, window} and remaining
                                      {amount, unit}; csv: one row per key with a header row
              --threshold P        percent of the binding limit that counts as near it, 1 to 100 (default 80)
              --expiring D         how soon counts as expiring: 7d, 48h, 2w (default 7d)
              --exit-code          exit 1 when the list is not empty (for cron jobs and CI)
              --page-size N        keys per request, 1 to 10000 (default: 10000)

            Key values never appear. Progress is shown on stderr when it is a terminal.
            Exit codes: 0 done (with --exit-code: nothing needs attention), 1 keys need attention (with
            --exit-code) or the output could not be written, 2 usage error, 3 authentication or permission
            refused, 4 server unreachable, 5 the server failed or sent data that cannot be read.
            """;
    static final int ATTENTION_NEEDED = 1;
    private static final List<String> CSV_COLUMNS = List.of("id", "name", "reasons", "used_percent", "binding",
            "binding_owner", "binding_window", "remaining", "remaining_unit");

    private static final Spec SPEC = Spec.of("report",
            "list the keys that need attention: used up, near their limit, expiring, unassigned", HELP_TEXT)
            .options(ServerOptions.OPTION, "--format", "--threshold", "--expiring", "--page-size")
            .flags("--exit-code");

    private final Clock clock;

    public ReportCommand() {
        this(STDERR_IS_TERMINAL, ServerOptions.fromConfigFolder(), Clock.systemUTC());
    }

    ReportCommand(BooleanSupplier stderrIsTerminal, ServerOptions servers, Clock clock) {
        super(SPEC, servers, stderrIsTerminal);
        this.clock = clock;
    }

    @Override
    protected int execute(CommandArguments a, CommandRun run) throws Exception {
        String format = a.value("--format") == null ? "text" : a.value("--format").toLowerCase(Locale.ROOT);
        if (!List.of("text", "json", "csv").contains(format)) {
            throw new CommandArguments.UsageException("--format must be text, json or csv, not '"
                    + a.value("--format") + "'");
        }
        int threshold = a.intValue("--threshold", 1, 100, 80);
        Attention rules = new Attention(threshold / 100.0, expiring(a.value("--expiring")));
        int pageSize = a.intValue("--page-size", 1, KeyPager.EXPORT_PAGE_SIZE, KeyPager.EXPORT_PAGE_SIZE);
        ConnectionSettings settings = run.server();

        ManagementApiClient client = new ManagementApiClient(settings);
        GatewayScan scan = new GatewayScan(client, new KeyPager(KeyPageSource.of(client), pageSize), clock);
        ScanResult result = scan.run(rules, run.progress("Scanning"), run.cancellation());
        run.endProgress();
        PrintStream out = run.out();
        switch (format) {
            case "json" -> writeJson(result.attention(), out);
            case "csv" -> writeCsv(result.attention(), out);
            default -> writeText(result, out);
        }
        out.flush();
        if (out.checkError()) {
            throw new IOException("standard output was closed");
        }
        return a.flag("--exit-code") && !result.attention().isEmpty() ? ATTENTION_NEEDED : OK;
    }

    private static Duration expiring(String text) throws CommandArguments.UsageException {
        if (text == null) {
            return Attention.DEFAULTS.expiringWithin();
        }
        return ResetWindow.parse(text).map(ResetWindow::length).orElseThrow(() ->
                new CommandArguments.UsageException("--expiring must be a duration such as 7d, 48h or 2w, not '"
                        + text + "'"));
    }

    // ---- the three formats ---------------------------------------------------------------------------------

    private static final HeadroomWords WORDS = new HeadroomWords(ReportCommand::dollars,
            n -> String.format(Locale.ROOT, "%,d", n));

    private static String dollars(double amount) {
        return "$" + String.format(Locale.ROOT, "%,.2f", amount);
    }

    private static String reasons(AttentionItem item) {
        return item.reasons().stream().sorted().map(Reason::word).collect(Collectors.joining(","));
    }

    /** The used share in percent with one decimal, as JSON wants it; null without a binding limit. */
    private static BigDecimal usedPercent(AttentionItem item) {
        return item.usedFraction() == null ? null
                : BigDecimal.valueOf(item.usedFraction() * 100).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal remainingAmount(Limit limit) {
        return limit.unit() == Unit.DOLLARS
                ? BigDecimal.valueOf(limit.remaining()).setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.valueOf((long) limit.remaining());
    }

    private static void writeText(ScanResult result, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"KEY", "REASONS", "USED", "BINDING", "REMAINING", "ID"});
        for (AttentionItem item : result.attention()) {
            Limit l = item.limit();
            rows.add(new String[]{item.keyName(), reasons(item),
                    l == null ? "-" : usedPercent(item).setScale(0, RoundingMode.DOWN) + "%",
                    l == null ? "no limit" : item.binding().word() + bindingDetail(l),
                    l == null ? "-" : WORDS.amount(l.unit(), l.remaining()), item.keyId()});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        if (!result.attention().isEmpty()) {
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < row.length; c++) {
                    line.append(c == row.length - 1 ? row[c] : String.format("%-" + (widths[c] + 2) + "s", row[c]));
                }
                out.println(line.toString().stripTrailing());
            }
            out.println();
        }
        out.printf(Locale.ROOT, "%,d of %,d keys need attention (near the limit from %d%%, expiring within %s).%n",
                result.attention().size(), result.keys(), Math.round(result.rules().threshold() * 100),
                days(result.rules().expiringWithin()));
    }

    /** " (team Platform, monthly)", " (key, tokens, hourly)". */
    private static String bindingDetail(Limit l) {
        List<String> parts = new ArrayList<>();
        if (l.level().ordinal() > 0) {
            parts.add(l.level().word() + " " + l.owner());
        } else if (l.unit() != Unit.DOLLARS) {
            parts.add("key");
        }
        if (l.unit() != Unit.DOLLARS) {
            parts.add(l.unit().word());
        }
        if (l.window() != null) {
            parts.add(ResetWindow.inWords(l.window()));
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static String days(Duration d) {
        return d.toHours() % 24 == 0 ? d.toDays() + " d" : d.toHours() + " h";
    }

    private static Map<String, Object> jsonObject(AttentionItem item) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", item.keyId());
        o.put("name", item.keyName());
        o.put("reasons", item.reasons().stream().sorted().map(Reason::word).toList());
        o.put("used_percent", usedPercent(item));
        Limit l = item.limit();
        if (l == null) {
            o.put("binding", null);
            o.put("remaining", null);
        } else {
            Map<String, Object> binding = new LinkedHashMap<>();
            binding.put("level", item.binding().word());
            binding.put("owner", l.level().word());
            binding.put("owner_name", l.owner());
            binding.put("unit", l.unit().word());
            binding.put("window", l.window());
            o.put("binding", binding);
            Map<String, Object> remaining = new LinkedHashMap<>();
            remaining.put("amount", remainingAmount(l));
            remaining.put("unit", l.unit().word());
            o.put("remaining", remaining);
        }
        return o;
    }

    private static void writeJson(List<AttentionItem> items, PrintStream out) throws IOException {
        ObjectMapper mapper = JsonMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();
        List<Map<String, Object>> objects = new ArrayList<>(items.size());
        for (AttentionItem item : items) {
            objects.add(jsonObject(item));
        }
        mapper.writerWithDefaultPrettyPrinter().writeValue(out, objects);
        out.println();
    }

    private static void writeCsv(List<AttentionItem> items, PrintStream out) throws IOException {
        CsvMapper csv = CsvMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
        CsvSchema.Builder schema = CsvSchema.builder();
        CSV_COLUMNS.forEach(schema::addColumn);
        try (var rows = csv.writerFor(String[].class).with(schema.setUseHeader(true).build()).writeValues(out)) {
            for (AttentionItem item : items) {
                Limit l = item.limit();
                rows.write(new String[]{item.keyId(), item.keyName(), reasons(item).replace(',', ';'),
                        l == null ? "" : usedPercent(item).toPlainString(),
                        item.binding() == Binding.NONE ? "" : item.binding().word(),
                        l == null ? "" : l.level().word() + (l.level().ordinal() > 0 ? " " + l.owner() : ""),
                        l == null || l.window() == null ? "" : l.window(),
                        l == null ? "" : remainingAmount(l).toPlainString(), l == null ? "" : l.unit().word()});
            }
        }
    }
}
