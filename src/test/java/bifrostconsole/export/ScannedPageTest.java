package bifrostconsole.export;

import bifrostconsole.testing.Dribble;
import bifrostconsole.api.JsonScanner;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A page read off its bytes by the scanner (as an export reads a server's answer, in chunks of any size, so keys
 * straddle the scanner's refills) gives what the parser's reading of each key gives: the JSON copy's bytes and
 * facts, and the CSV rows, odd shapes (left to the model) included.
 */
class ScannedPageTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static final String[] MEMBERS = {"\"id\":\"%s\"", "\"name\":\"n \\\"q\\\" é\"", "\"value\":\"sk-bf-%s\"",
            "\"description\":\"" + "d".repeat(300) + "\"", "\"metadata\":{\"env\":\"prod\",\"k\":\"v\"}",
            "\"metadata\":{\"a\":1}", "\"is_active\":false", "\"budgets\":[{\"max_limit\":5,\"current_usage\":6.25,"
            + "\"reset_duration\":\"1M\"}]", "\"rate_limit\":{\"token_max_limit\":10,\"token_current_usage\":3,"
            + "\"token_reset_duration\":\"1h\"}", "\"provider_configs\":[{\"provider\":\"openai\",\"keys\":[{\"value\":"
            + "\"x\"}],\"allowed_models\":[\"gpt-4o\"]}]", "\"team\":{\"id\":\"t\",\"name\":\"T\",\"virtual_keys\":"
            + "[{\"value\":\"sk-bf-team\"}]}", "\"customer\":{\"virtual_keys\":[],\"id\":\"c\",\"name\":\"C\"}",
            "\"created_at\":\"2025-06-20T20:35:00.573Z\"", "\"expires_at\":\"soon\"", "\"budget\":{\"max_limit\":1}",
            "\"x\" : [ 1 , { \"value\" : 2 } , null , true ]", "\"mcp_configs\":[{\"mcp_client_id\":4}]"};

    @Test
    void aScannedPageGivesWhatEachKeyReadByTheParserGives() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 40; round++) {
            List<String> keys = new ArrayList<>();
            for (int k = 0; k < 1 + random.nextInt(30); k++) {
                List<String> members = new ArrayList<>();
                for (int m = 0; m < random.nextInt(9); m++) {
                    members.add(String.format(MEMBERS[random.nextInt(MEMBERS.length)], "k" + round + "-" + k));
                }
                keys.add("{" + String.join(random.nextBoolean() ? "," : " ,\n ", members) + "}");
            }
            byte[] page = ("[" + String.join(",", keys) + "]").getBytes(StandardCharsets.UTF_8);
            for (boolean secrets : new boolean[] {false, true}) {
                KeyReading<JsonKeyCopy.Copied> copy = JsonKeyCopy.reading(secrets);
                List<String> parsed = parsed(page, copy, c -> c.text() + " " + c.facts().id() + c.facts().metadata() + c.facts().isUnreadable());
                for (int chunk : new int[] {1, 3, 64, 1 << 20}) {
                    assertEquals(parsed, scanned(page, chunk, copy, c -> c.text() + " " + c.facts().id() + c.facts().metadata() + c.facts().isUnreadable()),
                            "chunk " + chunk);
                }
            }
            KeyReading<VirtualKey> csv = CsvKeyReading.reading();
            List<String> rows = parsed(page, csv, k -> String.join("|", CsvKeyWriter.row(k, true, NOW)));
            for (int chunk : new int[] {1, 5, 1 << 20}) {
                assertEquals(rows, scanned(page, chunk, csv, k -> String.join("|", CsvKeyWriter.row(k, true, NOW))));
            }
        }
    }

    private static <T> List<String> parsed(byte[] page, KeyReading<T> reading,
                                           java.util.function.Function<T, String> text) throws IOException {
        List<String> out = new ArrayList<>();
        try (VirtualKeyStream stream = VirtualKeyStream.over(new ByteArrayInputStream(page))) {
            stream.parser().nextToken();
            stream.readKeys(reading.decoder(), k -> out.add(text.apply(k)));
        }
        return out;
    }

    private static <T> List<String> scanned(byte[] page, int chunk, KeyReading<T> reading,
                                            java.util.function.Function<T, String> text) throws IOException {
        List<String> out = new ArrayList<>();
        JsonScanner s = JsonScanner.over(new Dribble(new ByteArrayInputStream(page), chunk));
        // the sink takes each key's text at once: what the key points into is the scanner's buffer
        assertEquals(out.size(), 0);
        int n = VirtualKeyStream.scanKeys(s, reading.scanDecoder(), k -> out.add(text.apply(k)));
        assertEquals(out.size(), n);
        return out;
    }
}
