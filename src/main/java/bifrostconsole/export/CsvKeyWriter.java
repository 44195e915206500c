package bifrostconsole.export;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Customer;
import bifrostconsole.api.Json;
import bifrostconsole.api.Team;
import bifrostconsole.api.KeyStatus;
import bifrostconsole.api.McpClientConfig;
import bifrostconsole.api.McpConfig;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.VirtualKey;
import com.fasterxml.jackson.annotation.JsonIncludeProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One CSV row per key, for spreadsheets. Quoting and escaping are Jackson's CSV module's (RFC 4180), never
 * ours. Several budgets share one cell as {@code spent/limit/window} entries separated by {@code "; "}.
 */
final class CsvKeyWriter implements KeyFileWriter {
    /** The header row, in column order; {@code value} is appended only when key values are included. */
    static final List<String> COLUMNS = List.of("id", "name", "description", "status", "team_id", "team",
            "customer_id", "customer", "budgets", "token_limit", "request_limit", "providers", "mcp_clients",
            "created_at", "updated_at", "expires_at", "metadata");
    static final String VALUE_COLUMN = "value";
    static final String LIST_SEPARATOR = "; ";

    private static final CsvMapper CSV = CsvMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            // Quote only cells that need it (separator, quote, line break, edge spaces), as spreadsheets do.
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    /**
     * Binds a key for its CSV row only: of a provider config the row shows the provider's name, of a team and a
     * customer their id and name, so the rest of those objects (most of a key's bytes: provider keys, model lists,
     * the team's budgets and limits) is skipped by the parser instead of built. Every field the row reads is
     * bound as in the full model, so the rows are the same (CsvKeyWriterTest compares them); a key whose skipped
     * parts are malformed now gets its full row instead of an Unreadable one.
     */
    static final ObjectReader KEY_READER = Json.mapper().copy()
            .addMixIn(VirtualKey.class, OnlyColumns.class)
            .addMixIn(ProviderConfig.class, OnlyProvider.class)
            .addMixIn(Team.class, OnlyIdAndName.class)
            .addMixIn(Customer.class, OnlyIdAndName.class)
            .addMixIn(Budget.class, OnlyUsage.class)
            .addMixIn(RateLimit.class, OnlyLimits.class)
            .addMixIn(McpConfig.class, OnlyClient.class)
            .addMixIn(McpClientConfig.class, OnlyName.class)
            .readerFor(VirtualKey.class);

    /** What {@link #row} and {@link KeyStatus#of} read, and {@code budget}, which older servers send instead of budgets. */
    @JsonIncludeProperties({"id", "name", "description", "value", "is_active", "expires_at", "provider_configs",
            "mcp_configs", "team_id", "customer_id", "team", "customer", "rate_limit", "budgets", "budget",
            "created_at", "updated_at", "metadata"})
    private abstract static class OnlyColumns {
    }

    @JsonIncludeProperties({"provider"})
    private abstract static class OnlyProvider {
    }

    @JsonIncludeProperties({"id", "name"})
    private abstract static class OnlyIdAndName {
    }

    @JsonIncludeProperties({"max_limit", "reset_duration", "current_usage", "override_amount"})
    private abstract static class OnlyUsage {
    }

    @JsonIncludeProperties({"token_max_limit", "token_reset_duration", "token_current_usage", "request_max_limit",
            "request_reset_duration", "request_current_usage"})
    private abstract static class OnlyLimits {
    }

    @JsonIncludeProperties({"mcp_client_id", "mcp_client"})
    private abstract static class OnlyClient {
    }

    @JsonIncludeProperties({"name"})
    private abstract static class OnlyName {
    }

    private final SequenceWriter rows;
    private final boolean includeSecrets;
    private final boolean neutraliseFormulas;
    private final Instant now;

    CsvKeyWriter(OutputStream out, boolean includeSecrets, Instant now) throws IOException {
        this(out, includeSecrets, true, now);
    }

    CsvKeyWriter(OutputStream out, boolean includeSecrets, boolean neutraliseFormulas, Instant now) throws IOException {
        this.includeSecrets = includeSecrets;
        this.neutraliseFormulas = neutraliseFormulas;
        this.now = now;
        this.rows = CSV.writerFor(String[].class).with(schema(includeSecrets)).writeValues(out);
    }

    static CsvSchema schema(boolean includeSecrets) {
        CsvSchema.Builder b = CsvSchema.builder();
        COLUMNS.forEach(b::addColumn);
        if (includeSecrets) {
            b.addColumn(VALUE_COLUMN);
        }
        return b.setUseHeader(true).build();
    }

    @Override
    public void accept(VirtualKey key) throws IOException {
        String[] cells = row(key, includeSecrets, now);
        rows.write(neutraliseFormulas ? CsvCells.neutralised(cells) : cells);
    }

    @Override
    public Streaming<?> streaming() {
        return new Streaming<>(CsvKeyReading.reading(), this::accept);
    }

    @Override
    public void finish() throws IOException {
        rows.close();
    }

    static String[] row(VirtualKey key, boolean includeSecrets, Instant now) {
        if (key.isUnreadable()) {
            return unreadableRow(key, includeSecrets);
        }
        List<String> cells = new ArrayList<>(COLUMNS.size() + 1);
        cells.add(text(key.id()));
        cells.add(text(key.name()));
        cells.add(text(key.description()));
        cells.add(KeyStatus.of(key, now).label());
        cells.add(text(key.teamId()));
        cells.add(key.team() == null ? "" : text(key.team().name()));
        cells.add(text(key.customerId()));
        cells.add(key.customer() == null ? "" : text(key.customer().name()));
        cells.add(joined(key.budgets(), CsvKeyWriter::budget));
        RateLimit limit = key.rateLimit();
        cells.add(limit != null && limit.hasTokenLimit()
                ? limit.tokenCurrentUsage() + "/" + limit.tokenMaxLimit() + "/" + text(limit.tokenResetDuration()) : "");
        cells.add(limit != null && limit.hasRequestLimit()
                ? limit.requestCurrentUsage() + "/" + limit.requestMaxLimit() + "/" + text(limit.requestResetDuration())
                : "");
        cells.add(joined(key.providerConfigs(), c -> text(c.provider())));
        cells.add(joined(key.mcpConfigs(), CsvKeyWriter::mcpClientName));
        cells.add(instant(key.createdAt()));
        cells.add(instant(key.updatedAt()));
        cells.add(instant(key.expiresAt()));
        // key=value entries as for budgets; a metadata key never holds "=" or ";", so the cell splits back
        cells.add(joined(key.metadata().entrySet(), e -> e.getKey() + "=" + e.getValue()));
        if (includeSecrets) {
            cells.add(key.plainValue());
        }
        return cells.toArray(String[]::new);
    }

    /** The items' texts separated by {@link #LIST_SEPARATOR} (a loop: streams were a tenth of a CSV export's time). */
    private static <E> String joined(java.util.Collection<E> items, java.util.function.Function<E, String> text) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return text.apply(items.iterator().next());
        }
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (E item : items) {
            if (!first) {
                b.append(LIST_SEPARATOR);
            }
            b.append(text.apply(item));
            first = false;
        }
        return b.toString();
    }

    /** Its id and name, "Unreadable" as the status and the reason as the description; every other cell empty. */
    private static String[] unreadableRow(VirtualKey key, boolean includeSecrets) {
        String[] cells = new String[COLUMNS.size() + (includeSecrets ? 1 : 0)];
        java.util.Arrays.fill(cells, "");
        cells[COLUMNS.indexOf("id")] = text(key.id());
        cells[COLUMNS.indexOf("name")] = text(key.name());
        cells[COLUMNS.indexOf("description")] = "Could not be read: " + key.unreadable().reason();
        cells[COLUMNS.indexOf("status")] = "Unreadable";
        return cells;
    }

    /** {@code spent/limit/window} in dollars, e.g. {@code 12.50/100.00/1M}; the limit includes any override. */
    static String budget(Budget b) {
        return money(b.currentUsage()) + "/" + money(b.effectiveLimit()) + "/" + text(b.resetDuration());
    }

    private static String mcpClientName(McpConfig c) {
        if (c.mcpClient() != null && c.mcpClient().name() != null) {
            return c.mcpClient().name();
        }
        return c.mcpClientId() == null ? "" : "client " + c.mcpClientId();
    }

    /** Two decimals, half up, like {@code %.2f} but without a Formatter per cell. */
    static String money(double amount) {
        if (Double.isNaN(amount) || Double.isInfinite(amount)) {
            return String.valueOf(amount);
        }
        double magnitude = Math.abs(amount);
        if (magnitude >= 1e-3 && magnitude < 1e7) {
            // Double.toString writes these as plain digits ("-12.345"), the decimal BigDecimal.valueOf reads:
            // rounding that text half up gives BigDecimal's answer without building one (a tenth of a CSV row).
            String digits = Double.toString(magnitude);
            int dot = digits.indexOf('.');
            long cents = Long.parseLong(digits, 0, dot, 10) * 100;
            int fraction = digits.length() - dot - 1;
            cents += (digits.charAt(dot + 1) - '0') * 10L;
            if (fraction >= 2) {
                cents += digits.charAt(dot + 2) - '0';
            }
            if (fraction >= 3 && digits.charAt(dot + 3) >= '5') {
                cents++;
            }
            StringBuilder b = new StringBuilder(digits.length() + 2);
            if (amount < 0 && cents != 0) {
                b.append('-');
            }
            long rest = cents % 100;
            return b.append(cents / 100).append('.').append(rest < 10 ? "0" : "").append(rest).toString();
        }
        if (magnitude < 1e-3) {
            return "0.00"; // zero, or rounds to it (BigDecimal's zero has no sign)
        }
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String instant(Instant t) {
        return t == null ? "" : IsoInstants.format(t);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
