package bifrostconsole.export;

import bifrostconsole.api.VirtualKey;
import bifrostconsole.testing.CsvRows;
import bifrostconsole.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class CsvKeyWriterTest {

    /**
     * A CSV export binds only what its columns show (KEY_READER); every row must be what the full model gives, for
     * every shape of key the demo gateway makes (teams, customers, budgets, overrides, limits, MCP, expiry).
     */
    @Test
    void theNarrowReadingGivesTheRowsOfTheFullModel() throws IOException {
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        List<VirtualKey> keys = bifrostconsole.demo.DemoDataGenerator.generate(7, 2_000, now).virtualKeys();
        byte[] page = bifrostconsole.api.Json.mapper().writeValueAsBytes(java.util.Map.of("virtual_keys", keys));
        List<String> full = rows(page, bifrostconsole.api.VirtualKeyStream.fullReader(), now);
        List<String> narrow = rows(page, CsvKeyWriter.KEY_READER, now);
        assertEquals(keys.size(), narrow.size());
        assertTrue(full.stream().anyMatch(r -> r.contains("; ")), "some keys have several budgets or providers");
        assertEquals(full, narrow);
        VirtualKey bound = CsvKeyWriter.KEY_READER.readValue(bifrostconsole.api.Json.mapper().writeValueAsBytes(
                keys.stream().filter(k -> !k.budgets().isEmpty() && k.rateLimit() != null).findFirst().orElseThrow()));
        assertEquals(null, bound.budgets().get(0).lastReset(), "what the row does not show is skipped");
        assertEquals(null, bound.rateLimit().tokenLastReset());
        assertEquals(null, bound.configHash());
    }

    /** money() rounds the decimal that Double.toString shows, half up, as BigDecimal.valueOf did. */
    @Test
    void moneyIsBigDecimalsTwoDecimalsHalfUp() {
        java.util.Random random = new java.util.Random(5);
        List<Double> amounts = new ArrayList<>(List.of(0.0, -0.0, 0.005, 0.004999, 1.005, 2.675, -0.005, -0.004,
                0.001, 0.000999, -0.000999, 9_999_999.995, 9_999_999.994, 1e7, 1e7 + 0.005, 12.5, 100.0, 0.1, 0.01,
                -12.345, 13073.5, 150.0, 935.17, 1e-3, 1e300, -1e300, Double.MIN_VALUE, 0.995, 99.995, 0.015));
        for (int i = 0; i < 200_000; i++) {
            double scale = Math.pow(10, random.nextInt(12) - 4);
            double a = (random.nextDouble() - 0.3) * scale;
            amounts.add(i % 3 == 0 ? Math.round(a * 1000) / 1000.0 : a);
        }
        for (double a : amounts) {
            assertEquals(java.math.BigDecimal.valueOf(a).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
                    CsvKeyWriter.money(a), "amount " + a);
        }
    }

    private static List<String> rows(byte[] page, com.fasterxml.jackson.databind.ObjectReader reader, Instant now)
            throws IOException {
        List<String> rows = new ArrayList<>();
        try (bifrostconsole.api.VirtualKeyStream stream = bifrostconsole.api.VirtualKeyStream.over(
                new java.io.ByteArrayInputStream(page), reader)) {
            stream.parser().nextToken(); // {
            stream.parser().nextToken(); // "virtual_keys"
            stream.parser().nextToken(); // [
            stream.readKeys(k -> rows.add(String.join("|", CsvKeyWriter.row(k, true, now))));
        }
        return rows;
    }
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void namesWithDelimitersQuotesNewlinesAndNonLatinTextReadBackUnchanged() throws IOException {
        List<String> names = List.of("plain", "comma, inside", "say \"hi\"", "two\nlines", "crlf\r\nline",
                "Über-Schlüssel", "ключ доступа", "研发团队", "rocket \uD83D\uDE80 key", " leading space", "", "=1+2");
        List<VirtualKey> keys = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            keys.add(TestKeys.key("vk-" + i).name(names.get(i)).build());
        }
        List<List<String>> rows = CsvRows.parse(write(keys, false));

        assertEquals(CsvKeyWriter.COLUMNS, rows.get(0), "header row");
        assertEquals(names.size() + 1, rows.size(), "one row per key, no row split by an embedded newline");
        for (int i = 0; i < names.size(); i++) {
            assertEquals("vk-" + i, rows.get(i + 1).get(0));
            String expected = names.get(i).startsWith("=") ? "'" + names.get(i) : names.get(i);
            assertEquals(expected, rows.get(i + 1).get(1), "name " + i + " round-trips (a formula neutralised)");
        }
    }

    @Test
    void cellsASpreadsheetWouldRunAreNeutralisedUnlessRawIsAsked() throws IOException {
        List<String> risky = List.of("=HYPERLINK(\"http://evil\",\"x\")", "+1", "-2+3", "@SUM(A1)", "\tnote",
                "\r=1", "safe-name", "a=b");
        List<VirtualKey> keys = new ArrayList<>();
        for (int i = 0; i < risky.size(); i++) {
            keys.add(TestKeys.key("vk-" + i).name(risky.get(i)).build());
        }
        List<List<String>> rows = CsvRows.parse(write(keys, false));
        for (int i = 0; i < risky.size(); i++) {
            String name = risky.get(i);
            boolean runs = "=+-@\t\r".indexOf(name.charAt(0)) >= 0;
            assertEquals(runs ? "'" + name : name, rows.get(i + 1).get(1), name);
        }
        List<List<String>> rawRows = CsvRows.parse(write(keys, false, true));
        for (int i = 0; i < risky.size(); i++) {
            assertEquals(risky.get(i), rawRows.get(i + 1).get(1), "--raw-csv writes cells exactly");
        }
    }

    @Test
    void governedKeyBecomesOneReadableRow() throws IOException {
        java.util.Map<String, String> metadata = new java.util.LinkedHashMap<>();
        metadata.put("cost_center", "cc-42");
        metadata.put("env", "prod");
        List<List<String>> rows = CsvRows.parse(write(List.of(TestKeys.governed("vk-1", "billing")
                .metadata(metadata).build()), false));
        List<String> header = rows.get(0);
        List<String> row = rows.get(1);
        assertEquals("cost_center=cc-42; env=prod", cell(header, row, "metadata"));

        assertEquals("Active", cell(header, row, "status"));
        assertEquals("team-1", cell(header, row, "team_id"));
        assertEquals("Platform", cell(header, row, "team"));
        assertEquals("Acme", cell(header, row, "customer"));
        assertEquals("12.50/100.00/1M; 3.00/10.00/1d", cell(header, row, "budgets"));
        assertEquals("2500/100000/1h", cell(header, row, "token_limit"));
        assertEquals("7/600/1m", cell(header, row, "request_limit"));
        assertEquals("openai; anthropic", cell(header, row, "providers"));
        assertEquals("github-tools", cell(header, row, "mcp_clients"));
        assertEquals("2026-01-05T10:00:00Z", cell(header, row, "created_at"));
        assertEquals("2027-01-01T00:00:00Z", cell(header, row, "expires_at"));
    }

    @Test
    void keyValuesAppearOnlyWhenAskedFor() throws IOException {
        VirtualKey key = TestKeys.key("vk-1").name("a").build();
        String without = write(List.of(key), false);
        assertFalse(without.contains("sk-bf-vk-1-secret"), without);
        assertFalse(CsvRows.parse(without).get(0).contains("value"));

        List<List<String>> with = CsvRows.parse(write(List.of(key), true));
        assertEquals("value", with.get(0).get(with.get(0).size() - 1));
        assertEquals("sk-bf-vk-1-secret", with.get(1).get(with.get(1).size() - 1));
    }

    @Test
    void statusFollowsTheDashboardRules() throws IOException {
        VirtualKey off = TestKeys.key("vk-off").name("off").active(false).build();
        VirtualKey expired = TestKeys.key("vk-exp").name("expired").noValue()
                .expiresAt(Instant.parse("2026-02-01T00:00:00Z")).build();
        List<List<String>> rows = CsvRows.parse(write(List.of(off, expired), false));
        assertEquals("Inactive", rows.get(1).get(3));
        assertEquals("Expired", rows.get(2).get(3));
    }

    @Test
    void emptySetIsJustTheHeader() throws IOException {
        List<List<String>> rows = CsvRows.parse(write(List.of(), false));
        assertEquals(List.of(CsvKeyWriter.COLUMNS), rows);
    }

    static String cell(List<String> header, List<String> row, String column) {
        int i = header.indexOf(column);
        assertTrue(i >= 0, "column " + column);
        return row.get(i);
    }

    static String write(List<VirtualKey> keys, boolean includeSecrets) throws IOException {
        return write(keys, includeSecrets, false);
    }

    static String write(List<VirtualKey> keys, boolean includeSecrets, boolean rawCsv) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KeyFileWriter writer = ExportFormat.CSV.open(out, includeSecrets, rawCsv, NOW);
        for (VirtualKey k : keys) {
            writer.accept(k);
        }
        writer.finish();
        return out.toString(StandardCharsets.UTF_8);
    }
}
