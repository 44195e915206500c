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
import bifrostconsole.headroom.Level;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
        // Half the keys of a large gateway may need attention, and they are sorted before anything is written:
        // each is kept as a compact row, and the output is streamed from those rows.
        List<Row> rows = new ArrayList<>();
        Map<String, String> shared = new HashMap<>();
        ScanResult result = scan.run(rules, null, item -> rows.add(Row.of(item, shared)), run.progress("Scanning"),
                run.cancellation());
        run.endProgress();
        rows.sort(GatewayScan.urgency(Row::reasons, Row::usedFraction, Row::name));
        PrintStream out = run.out();
        switch (format) {
            case "json" -> writeJson(rows, out);
            case "csv" -> writeCsv(rows, out);
            default -> writeText(rows, result, out);
        }
        out.flush();
        if (out.checkError()) {
            throw new IOException("standard output was closed");
        }
        return a.flag("--exit-code") && !rows.isEmpty() ? ATTENTION_NEEDED : OK;
    }

    /**
     * What the report needs of a key that needs attention, and no more: its id and name, reasons, the used share
     * and what binds, and what is left.
     *
     * @param level null when nothing limits the key
     */
    record Row(String id, String name, Set<Reason> reasons, Double usedFraction, Binding binding, Level level,
               String owner, Unit unit, String window, double remaining) {

        /** {@code shared} hands out one copy of each owner name and window ("1M") for all rows. */
        static Row of(AttentionItem item, Map<String, String> shared) {
            Limit l = item.limit();
            if (l == null) {
                return new Row(item.keyId(), item.keyName(), item.reasons(), null, item.binding(), null, null, null,
                        null, 0);
            }
            return new Row(item.keyId(), item.keyName(), item.reasons(), l.usedFraction(), item.binding(), l.level(),
                    l.owner() == null ? null : shared.computeIfAbsent(l.owner(), o -> o), l.unit(),
                    l.window() == null ? null : shared.computeIfAbsent(l.window(), w -> w), l.remaining());
        }

        boolean limited() {
            return level != null;
        }
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

    private static String reasons(Row row) {
        return row.reasons().stream().sorted().map(Reason::word).collect(Collectors.joining(","));
    }

    /** The used share in percent with one decimal, as JSON wants it; null without a binding limit. */
    private static BigDecimal usedPercent(Row row) {
        return row.usedFraction() == null ? null
                : BigDecimal.valueOf(row.usedFraction() * 100).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal remainingAmount(Row row) {
        return row.unit() == Unit.DOLLARS
                ? BigDecimal.valueOf(row.remaining()).setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.valueOf((long) row.remaining());
    }

    private static final String[] TEXT_HEADER = {"KEY", "REASONS", "USED", "BINDING", "REMAINING", "ID"};

    private static String[] textCells(Row row) {
        return new String[]{row.name(), reasons(row),
                !row.limited() ? "-" : usedPercent(row).setScale(0, RoundingMode.DOWN) + "%",
                !row.limited() ? "no limit" : row.binding().word() + bindingDetail(row),
                !row.limited() ? "-" : WORDS.amount(row.unit(), row.remaining()), row.id()};
    }

    /** Aligned columns: one pass for the widths, one to print, so no line is held. */
    private static void writeText(List<Row> rows, ScanResult result, PrintStream out) {
        int[] widths = new int[TEXT_HEADER.length];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = TEXT_HEADER[c].length();
        }
        for (Row row : rows) {
            String[] cells = textCells(row);
            for (int c = 0; c < cells.length; c++) {
                widths[c] = Math.max(widths[c], cells[c].length());
            }
        }
        if (!rows.isEmpty()) {
            printLine(TEXT_HEADER, widths, out);
            for (Row row : rows) {
                printLine(textCells(row), widths, out);
            }
            out.println();
        }
        out.printf(Locale.ROOT, "%,d of %,d keys need attention (near the limit from %d%%, expiring within %s).%n",
                rows.size(), result.keys(), Math.round(result.rules().threshold() * 100),
                days(result.rules().expiringWithin()));
    }

    private static void printLine(String[] cells, int[] widths, PrintStream out) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            line.append(c == cells.length - 1 ? cells[c] : String.format("%-" + (widths[c] + 2) + "s", cells[c]));
        }
        out.println(line.toString().stripTrailing());
    }

    /** " (team Platform, monthly)", " (key, tokens, hourly)". */
    private static String bindingDetail(Row row) {
        List<String> parts = new ArrayList<>();
        if (row.level().ordinal() > 0) {
            parts.add(row.level().word() + " " + row.owner());
        } else if (row.unit() != Unit.DOLLARS) {
            parts.add("key");
        }
        if (row.unit() != Unit.DOLLARS) {
            parts.add(row.unit().word());
        }
        if (row.window() != null) {
            parts.add(ResetWindow.inWords(row.window()));
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static String days(Duration d) {
        return d.toHours() % 24 == 0 ? d.toDays() + " d" : d.toHours() + " h";
    }

    private static Map<String, Object> jsonObject(Row row) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", row.id());
        o.put("name", row.name());
        o.put("reasons", row.reasons().stream().sorted().map(Reason::word).toList());
        o.put("used_percent", usedPercent(row));
        if (!row.limited()) {
            o.put("binding", null);
            o.put("remaining", null);
        } else {
            Map<String, Object> binding = new LinkedHashMap<>();
            binding.put("level", row.binding().word());
            binding.put("owner", row.level().word());
            binding.put("owner_name", row.owner());
            binding.put("unit", row.unit().word());
            binding.put("window", row.window());
            o.put("binding", binding);
            Map<String, Object> remaining = new LinkedHashMap<>();
            remaining.put("amount", remainingAmount(row));
            remaining.put("unit", row.unit().word());
            o.put("remaining", remaining);
        }
        return o;
    }

    /** One pretty-printed array, each object built and written in turn (never all of them at once). */
    private static void writeJson(List<Row> rows, PrintStream out) throws IOException {
        ObjectMapper mapper = JsonMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();
        try (JsonGenerator json = mapper.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            for (Row row : rows) {
                mapper.writeValue(json, jsonObject(row));
            }
            json.writeEndArray();
        }
        out.println();
    }

    private static void writeCsv(List<Row> rows, PrintStream out) throws IOException {
        CsvMapper csv = CsvMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
        CsvSchema.Builder schema = CsvSchema.builder();
        CSV_COLUMNS.forEach(schema::addColumn);
        try (var writer = csv.writerFor(String[].class).with(schema.setUseHeader(true).build()).writeValues(out)) {
            for (Row row : rows) {
                boolean l = row.limited();
                writer.write(new String[]{row.id(), row.name(), reasons(row).replace(',', ';'),
                        l ? usedPercent(row).toPlainString() : "",
                        row.binding() == Binding.NONE ? "" : row.binding().word(),
                        l ? row.level().word() + (row.level().ordinal() > 0 ? " " + row.owner() : "") : "",
                        !l || row.window() == null ? "" : row.window(),
                        l ? remainingAmount(row).toPlainString() : "", l ? row.unit().word() : ""});
            }
        }
    }
}
