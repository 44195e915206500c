package bifrostconsole.export;

import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.api.VirtualKeyStream;
import bifrostconsole.testing.DemoGatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV export reads its columns off the parser's tokens; every row must be the one the full model gives. */
class CsvKeyReadingTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(7, 2_000).asOf(NOW);

    @TempDir
    Path dir;

    /** The demo gateway's 2,000 keys as it sends them (Bifrost's Go shapes), with and without key values. */
    @Test
    void theTokenReadingGivesTheFileOfTheFullModel() throws IOException {
        ManagementApiClient client = gateway.client();
        KeyPageSource modelOnly = client::streamVirtualKeys; // binds every field; the writer takes the model
        for (boolean secrets : new boolean[]{false, true}) {
            String tokens = export(KeyPageSource.of(client), secrets);
            String model = export(modelOnly, secrets);
            assertEquals(2_001, tokens.lines().count());
            assertTrue(tokens.contains("; "), "some keys have several budgets or providers");
            assertEquals(model, tokens, "secrets " + secrets);
        }
    }

    private String export(KeyPageSource source, boolean secrets) throws IOException {
        Path file = dir.resolve("keys.csv");
        new KeyExporter(new KeyPager(source, 300), Clock.fixed(NOW, ZoneOffset.UTC)).toFile(file,
                ExportRequest.allMatching(VirtualKeyQuery.all(), ExportFormat.CSV).withSecrets(secrets),
                ProgressListener.NONE, new Cancellation());
        return Files.readString(file);
    }

    /**
     * Shapes the token reading leaves to the model, and shapes it reads itself that look odd: the rows of the CSV
     * export's narrow binding (KEY_READER, which gives the full model's rows for every well-formed key, see
     * CsvKeyWriterTest; like it, a malformed part the row does not show, key g's team budgets, costs nothing).
     */
    @Test
    void oddShapesGiveTheRowsOfTheFullModel() throws IOException {
        List<String> keys = List.of(
                "{\"id\":\"a\",\"name\":12,\"budgets\":\"<array>\"}",
                "{\"id\":\"b\",\"budget\":{\"max_limit\":10,\"current_usage\":10,\"reset_duration\":\"1d\"}}",
                "{\"id\":\"c\",\"expires_at\":\"soon\",\"created_at\":\"2026-01-01T10:00:00+02:00\","
                        + "\"updated_at\":\"0001-01-01T00:00:00Z\"}",
                "{\"id\":\"d\",\"value\":{\"value\":\"sk-x\",\"type\":\"plain_text\"},\"team\":null,\"customer\":\"x\"}",
                "{\"id\":\"e\",\"value\":\"env.KEY\",\"metadata\":{\"a\":1,\"b\":\"x\"},\"is_active\":\"yes\"}",
                "{\"id\":\"f\",\"budgets\":[{\"max_limit\":\"5\",\"current_usage\":1}],\"rate_limit\":{\"token_max_limit\":1.5}}",
                "{\"id\":\"g\",\"budgets\":[{\"max_limit\":5,\"current_usage\":6,\"override_amount\":2.5,"
                        + "\"reset_duration\":\"1M\"},{\"max_limit\":0,\"current_usage\":0}],"
                        + "\"rate_limit\":{\"request_max_limit\":10,\"request_current_usage\":10,"
                        + "\"request_reset_duration\":\"1m\",\"token_max_limit\":null},"
                        + "\"provider_configs\":[{\"provider\":\"openai\",\"keys\":[{\"value\":\"x\"}]},{\"weight\":1}],"
                        + "\"mcp_configs\":[{\"mcp_client_id\":4},{\"mcp_client\":{\"name\":\"files\"}},{}],"
                        + "\"team\":{\"id\":\"t\",\"name\":\"Team, \\\"T\\\"\",\"budgets\":[1]},\"unknown\":[{}],"
                        + "\"metadata\":{\"env\":\"prod\",\"n\":null},\"is_active\":false,\"budget\":null}",
                "{\"id\":\"h\",\"is_active\":true,\"expires_at\":\"2026-01-01T00:00:00Z\",\"budgets\":null,"
                        + "\"provider_configs\":null,\"metadata\":null,\"description\":\"=1+2\"}",
                "{\"id\":\"i\",\"mcp_configs\":[{\"mcp_client\":{\"name\":7}}],\"provider_configs\":[3]}",
                "{\"id\":\"j\",\"name\":\"dup\",\"name\":\"last\",\"budgets\":[{\"max_limit\":1}],\"budgets\":[]}");
        byte[] page = ("[" + String.join(",", keys) + "]").getBytes(StandardCharsets.UTF_8);
        List<String> full = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        try (VirtualKeyStream stream = VirtualKeyStream.over(new ByteArrayInputStream(page),
                CsvKeyWriter.KEY_READER)) {
            stream.parser().nextToken();
            stream.readKeys(k -> full.add(String.join("|", CsvKeyWriter.row(k, true, NOW))));
        }
        try (VirtualKeyStream stream = VirtualKeyStream.over(new ByteArrayInputStream(page))) {
            stream.parser().nextToken();
            stream.readKeys(CsvKeyReading.reading().decoder(),
                    k -> tokens.add(String.join("|", CsvKeyWriter.row(k, true, NOW))));
        }
        assertEquals(keys.size(), tokens.size());
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(full.get(i), tokens.get(i), keys.get(i));
        }
        assertTrue(full.get(0).contains("|12|"), "a number where the name belongs is the model's text");
    }
}
